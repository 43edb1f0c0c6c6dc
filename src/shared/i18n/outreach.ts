/**
 * Messages of outreach: problems in a contacts CSV or a contact form (named by the CSV column,
 * which is Norwegian in every language), in a letter's text, in sending now, and the reasons the
 * outbox gives for a letter that was not sent. Role codes and column names are the file's own.
 */
import type { TextTable } from './types.ts';

export const outreachTexts = {
  // The contacts file.
  'outreach.not_unit_number': {
    nb: (p: { raw: string }) => `«${p.raw}» er ikke et kommunenummer (4 sifre) eller bydelsnummer (6 sifre)`,
    nn: (p: { raw: string }) => `«${p.raw}» er ikkje eit kommunenummer (4 siffer) eller bydelsnummer (6 siffer)`,
    en: (p: { raw: string }) => `"${p.raw}" is not a municipality number (4 digits) or district number (6 digits)`,
  },
  'outreach.not_in_registry': {
    nb: (p: { number: string; year: number }) => `${p.number} finnes ikke i registeret for ${p.year}`,
    nn: (p: { number: string; year: number }) => `${p.number} finst ikkje i registeret for ${p.year}`,
    en: (p: { number: string; year: number }) => `${p.number} is not in the ${p.year} registry`,
  },
  'outreach.not_a_role': {
    nb: (p: { raw: string; roles: string }) => `«${p.raw}» er ikke en rolle (${p.roles})`,
    nn: (p: { raw: string; roles: string }) => `«${p.raw}» er ikkje ei rolle (${p.roles})`,
    en: (p: { raw: string; roles: string }) => `"${p.raw}" is not a role (${p.roles})`,
  },
  'outreach.not_in_round': {
    nb: (p: { number: string; role: string; year: number }) => `${p.number} er ikke med som ${p.role} i undersøkelsen for ${p.year}`,
    nn: (p: { number: string; role: string; year: number }) => `${p.number} er ikkje med som ${p.role} i undersøkinga for ${p.year}`,
    en: (p: { number: string; role: string; year: number }) => `${p.number} does not take part as ${p.role} in the ${p.year} round`,
  },
  'outreach.duplicate': {
    nb: (p: { number: string; role: string; line: number }) => `${p.number} som ${p.role} står allerede på linje ${p.line}`,
    nn: (p: { number: string; role: string; line: number }) => `${p.number} som ${p.role} står alt på linje ${p.line}`,
    en: (p: { number: string; role: string; line: number }) => `${p.number} as ${p.role} already appears on line ${p.line}`,
  },
  'outreach.name_empty': {
    nb: () => 'navnet er tomt',
    nn: () => 'namnet er tomt',
    en: () => 'the name is empty',
  },
  'outreach.name_too_long': {
    nb: () => 'navnet er lengre enn 200 tegn',
    nn: () => 'namnet er lengre enn 200 teikn',
    en: () => 'the name is longer than 200 characters',
  },
  'outreach.email_empty': {
    nb: () => 'e-postadressen er tom',
    nn: () => 'e-postadressa er tom',
    en: () => 'the e-mail address is empty',
  },
  'outreach.not_email': {
    nb: (p: { email: string }) => `«${p.email}» er ikke en e-postadresse`,
    nn: (p: { email: string }) => `«${p.email}» er ikkje ei e-postadresse`,
    en: (p: { email: string }) => `"${p.email}" is not an e-mail address`,
  },
  'outreach.not_phone': {
    nb: (p: { phone: string }) => `«${p.phone}» er ikke et telefonnummer`,
    nn: (p: { phone: string }) => `«${p.phone}» er ikkje eit telefonnummer`,
    en: (p: { phone: string }) => `"${p.phone}" is not a phone number`,
  },
  'outreach.no_contacts': {
    nb: () => 'filen har en overskriftslinje, men ingen kontaktpersoner',
    nn: () => 'fila har ei overskriftslinje, men ingen kontaktpersonar',
    en: () => 'the file has a header but no contacts',
  },

  // One contact set in the web form.
  'outreach.not_unit': {
    nb: (p: { raw: string }) => `«${p.raw}» er ikke et enhetsnummer`,
    nn: (p: { raw: string }) => `«${p.raw}» er ikkje eit einingsnummer`,
    en: (p: { raw: string }) => `"${p.raw}" is not a unit number`,
  },
  'outreach.in_no_registry': {
    nb: (p: { number: string }) => `${p.number} finnes ikke i noe register`,
    nn: (p: { number: string }) => `${p.number} finst ikkje i noko register`,
    en: (p: { number: string }) => `${p.number} is in no registry`,
  },
  'outreach.no_contact': {
    nb: (p: { number: string; role: string }) => `${p.number} har ingen kontaktperson som ${p.role}`,
    nn: (p: { number: string; role: string }) => `${p.number} har ingen kontaktperson som ${p.role}`,
    en: (p: { number: string; role: string }) => `no contact for ${p.number} as ${p.role}`,
  },

  // A letter's text (in English, `subject`/`body` name the part; the web form calls them Emne and Tekst).
  'outreach.subject_empty': {
    nb: () => 'emnet er tomt',
    nn: () => 'emnet er tomt',
    en: () => 'subject: the subject is empty',
  },
  'outreach.subject_lines': {
    nb: () => 'emnet må stå på én linje',
    nn: () => 'emnet må stå på éi linje',
    en: () => 'subject: the subject must be one line',
  },
  'outreach.subject_too_long': {
    nb: () => 'emnet er lengre enn 250 tegn',
    nn: () => 'emnet er lengre enn 250 teikn',
    en: () => 'subject: the subject is longer than 250 characters',
  },
  'outreach.body_empty': {
    nb: () => 'teksten er tom',
    nn: () => 'teksten er tom',
    en: () => 'body: the text is empty',
  },
  'outreach.body_too_long': {
    nb: () => 'teksten er lengre enn 20 000 tegn',
    nn: () => 'teksten er lengre enn 20 000 teikn',
    en: () => 'body: the text is longer than 20 000 characters',
  },
  'outreach.unknown_field': {
    nb: (p: { part: string; field: string; known: string }) =>
      `ukjent flettefelt {${p.field}} i ${p.part === 'subject' ? 'emnet' : 'teksten'} (kjente: ${p.known})`,
    nn: (p: { part: string; field: string; known: string }) =>
      `ukjent flettefelt {${p.field}} i ${p.part === 'subject' ? 'emnet' : 'teksten'} (kjende: ${p.known})`,
    en: (p: { part: string; field: string; known: string }) => `${p.part}: unknown merge field {${p.field}} (known: ${p.known})`,
  },
  'outreach.body_needs_link': {
    nb: () => 'teksten må inneholde {lenke}, den personlige lenken',
    nn: () => 'teksten må innehalde {lenke}, den personlege lenkja',
    en: () => 'body: the text must contain {lenke}, the personal link',
  },
  'outreach.no_questionnaire': {
    nb: (p: { year: number; role: string }) => `undersøkelsen for ${p.year} har ikke noe skjema for ${p.role}`,
    nn: (p: { year: number; role: string }) => `undersøkinga for ${p.year} har ikkje noko skjema for ${p.role}`,
    en: (p: { year: number; role: string }) => `the ${p.year} round has no questionnaire for ${p.role}`,
  },

  // Sending now.
  'outreach.round_closed': {
    nb: (p: { year: number; date: string }) => `undersøkelsen for ${p.year} stengte ${p.date}`,
    nn: (p: { year: number; date: string }) => `undersøkinga for ${p.year} stengde ${p.date}`,
    en: (p: { year: number; date: string }) => `the ${p.year} round closed on ${p.date}`,
  },
  'outreach.nothing_selected': {
    nb: () => 'ingen er valgt',
    nn: () => 'ingen er valde',
    en: () => 'nothing selected',
  },
  'outreach.no_contact_in_round': {
    nb: (p: { number: string; role: string; year: number }) =>
      `${p.number} har ingen kontaktperson som ${p.role} i undersøkelsen for ${p.year}`,
    nn: (p: { number: string; role: string; year: number }) =>
      `${p.number} har ingen kontaktperson som ${p.role} i undersøkinga for ${p.year}`,
    en: (p: { number: string; role: string; year: number }) => `${p.number} has no contact as ${p.role} in the ${p.year} round`,
  },

  // Why a letter in the outbox was not sent (kept with the letter).
  'outreach.send_failed': {
    nb: (p: { reply: string }) => `sendingen feilet: ${p.reply}`,
    nn: (p: { reply: string }) => `sendinga feila: ${p.reply}`,
    en: (p: { reply: string }) => p.reply,
  },
  'outreach.gave_up': {
    nb: (p: { attempts: number; last: string }) => `ga opp etter ${p.attempts} forsøk: ${p.last}`,
    nn: (p: { attempts: number; last: string }) => `gav opp etter ${p.attempts} forsøk: ${p.last}`,
    en: (p: { attempts: number; last: string }) => `gave up after ${p.attempts} attempts: ${p.last}`,
  },
  'outreach.no_reply': {
    nb: () => 'fikk ikke svar',
    nn: () => 'fekk ikkje svar',
    en: () => 'no reply',
  },
  'outreach.not_sent_closed': {
    nb: (p: { year: number; date: string }) => `ikke sendt: undersøkelsen for ${p.year} stengte ${p.date}`,
    nn: (p: { year: number; date: string }) => `ikkje sendt: undersøkinga for ${p.year} stengde ${p.date}`,
    en: (p: { year: number; date: string }) => `not sent: the ${p.year} round closed on ${p.date}`,
  },
} satisfies TextTable;
