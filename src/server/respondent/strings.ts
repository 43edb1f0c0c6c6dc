/**
 * The respondent pages' own words in bokmål, nynorsk and English. Questionnaire texts come from
 * the questionnaire; these are the buttons, headings and error messages around them.
 */
import type { FormProblem } from '../../collect/form.ts';
import type { Language } from '../../questionnaire/model.ts';

const nb = {
  langName: 'Bokmål',
  brand: (year: number) => `Kommuneundersøkelsen ${year}`,
  languageNav: 'Språk',
  skip: 'Hopp til innhold',
  footer: 'Svarene lagres hver gang du går til neste side. Lenken er personlig for din kommune og rolle.',
  accessibilityLink: 'Tilgjengelighetserklæring',
  roleName: { kommunedirektor: 'kommunedirektør', integreringsansvarlig: 'integreringsansvarlig', skolesjef: 'skolesjef' } as Record<
    string,
    string
  >,
  unitLine: (unit: string, role: string) => `${unit} – skjema for ${role}`,
  notStarted: 'Du har ikke begynt på skjemaet ennå.',
  inProgress: (at: string) => `Du har begynt på skjemaet. Sist lagret ${at}.`,
  submittedStatus: (at: string) => `Svarene ble sendt inn ${at}.`,
  changeAnswers: 'Endre svarene',
  pagesTitle: 'Sidene i skjemaet',
  saveFailed: 'Svarene på denne siden er lagret, men noe må rettes før du kan sende inn.',
  seeReceipt: 'Se kvitteringen',
  answeredSubmitted: 'Svarene er sendt inn',
  start: 'Start',
  continue: 'Fortsett der du slapp',
  next: 'Neste',
  back: 'Forrige',
  saveExit: 'Lagre og fortsett senere',
  review: 'Se over svarene',
  submit: 'Send inn svarene',
  submitChanges: 'Send inn endringene',
  change: 'Endre',
  page: (n: number, total: number) => `Side ${n} av ${total}`,
  progress: 'Framdrift',
  errorTitle: 'Det er noe du må rette opp',
  errorPrefix: 'Feil:',
  revealed: 'Svaret ditt ga flere spørsmål på denne siden. Svar på dem, eller gå videre.',
  window: (a: string, b: string) => `Svarfrist: undersøkelsen er åpen fra ${a} til og med ${b}.`,
  notOpenTitle: 'Undersøkelsen er ikke åpen ennå',
  notOpen: (a: string, b: string) => `Du kan svare fra ${a} til og med ${b}. Bruk den samme lenken da.`,
  closedTitle: 'Undersøkelsen er avsluttet',
  closed: (a: string, b: string) => `Undersøkelsen var åpen fra ${a} til og med ${b}. Takk for interessen.`,
  savedTitle: 'Svarene er lagret',
  saved: 'Du kan fortsette senere fra en hvilken som helst maskin med den samme lenken. Du kommer da tilbake til samme side.',
  reviewTitle: 'Se over svarene før du sender inn',
  notAnswered: 'Ikke besvart',
  draftWarning: 'Denne siden har svar som må rettes før du kan sende inn.',
  receiptTitle: 'Takk! Svarene er sendt inn',
  receipt: (at: string) => `Svarene ble sendt inn ${at}.`,
  lastChanged: (at: string) => `Sist endret ${at}.`,
  canChange: (b: string) => `Du kan endre svarene fram til og med ${b} med den samme lenken.`,
  yourAnswers: 'Svarene dine',
  forUnit: (unit: string) => `For ${unit}`,
  notFoundTitle: 'Fant ikke siden',
  notFound: 'Lenken er ugyldig eller ikke lenger i bruk. Har du fått en ny lenke, bruk den.',
  tooMany: 'For mange forsøk. Vent litt og prøv igjen.',
  formExpired: 'Skjemaet var utløpt. Prøv igjen.',
  tooLargeTitle: 'Forespørselen er for stor',
  tooLarge: (size: string) =>
    `Forespørselen er for stor: høyst ${size} er tillatt. Svarene på denne siden ble ikke lagret. Gå tilbake, gjør svarene kortere og prøv igjen.`,
  backToForm: 'Tilbake til skjemaet',
  unreadableTitle: 'Svarene kunne ikke leses',
  unreadable: 'Nettleseren sendte svarene i en form vi ikke kunne lese, så ingenting ble lagret. Gå tilbake til skjemaet og prøv igjen.',
  maxLength: (n: string) => `Høyst ${n} tegn`,
  specifyLabel: 'Beskriv',
  optional: 'valgfritt',
  numberHint: (min?: number, max?: number) =>
    min !== undefined && max !== undefined ? `Et helt tall fra ${min} til ${max}` : 'Et helt tall',
  problem(p: FormProblem): string {
    switch (p.code) {
      case 'required':
      case 'none_chosen':
        return 'Svar på spørsmålet';
      case 'not_a_number':
      case 'not_integer':
        return 'Skriv et helt tall, for eksempel 12';
      case 'below_min':
        return `Tallet kan ikke være mindre enn ${p.min}`;
      case 'above_max':
        return `Tallet kan ikke være større enn ${p.max}`;
      case 'too_long':
        return `Teksten kan ha høyst ${p.max} tegn`;
      case 'exclusive':
        return `«${p.label}» kan ikke kombineres med andre svar`;
      case 'forbidden_character':
        return 'Teksten har et tegn som ikke kan lagres (vist som �). Fjern det';
      case 'specify_missing':
        return `Du har valgt «${p.label}». Skriv hva det gjelder`;
      case 'specify_without_option':
        return 'Du har skrevet en beskrivelse, men ikke krysset av for svaret den hører til';
      case 'one_only':
        return 'Velg bare ett svar';
      default:
        return 'Svaret passer ikke til spørsmålet';
    }
  },
};

type Strings = typeof nb;

const nn: Strings = {
  ...nb,
  langName: 'Nynorsk',
  brand: (year) => `Kommuneundersøkinga ${year}`,
  languageNav: 'Språk',
  skip: 'Hopp til innhaldet',
  footer: 'Svara blir lagra kvar gong du går til neste side. Lenkja er personleg for kommunen og rolla di.',
  accessibilityLink: 'Tilgjengeerklæring',
  roleName: { kommunedirektor: 'kommunedirektør', integreringsansvarlig: 'integreringsansvarleg', skolesjef: 'skulesjef' },
  unitLine: (unit, role) => `${unit} – skjema for ${role}`,
  notStarted: 'Du har ikkje byrja på skjemaet enno.',
  inProgress: (at) => `Du har byrja på skjemaet. Sist lagra ${at}.`,
  submittedStatus: (at) => `Svara vart sende inn ${at}.`,
  changeAnswers: 'Endre svara',
  pagesTitle: 'Sidene i skjemaet',
  saveFailed: 'Svara på denne sida er lagra, men noko må rettast før du kan sende inn.',
  seeReceipt: 'Sjå kvitteringa',
  answeredSubmitted: 'Svara er sende inn',
  continue: 'Hald fram der du slapp',
  next: 'Neste',
  back: 'Førre',
  saveExit: 'Lagre og hald fram seinare',
  review: 'Sjå over svara',
  submit: 'Send inn svara',
  submitChanges: 'Send inn endringane',
  page: (n, total) => `Side ${n} av ${total}`,
  progress: 'Framdrift',
  errorTitle: 'Det er noko du må rette opp',
  errorPrefix: 'Feil:',
  revealed: 'Svaret ditt gav fleire spørsmål på denne sida. Svar på dei, eller gå vidare.',
  window: (a, b) => `Svarfrist: undersøkinga er open frå ${a} til og med ${b}.`,
  notOpenTitle: 'Undersøkinga er ikkje open enno',
  notOpen: (a, b) => `Du kan svare frå ${a} til og med ${b}. Bruk den same lenkja då.`,
  closedTitle: 'Undersøkinga er avslutta',
  closed: (a, b) => `Undersøkinga var open frå ${a} til og med ${b}. Takk for interessa.`,
  savedTitle: 'Svara er lagra',
  saved: 'Du kan halde fram seinare frå kva maskin som helst med den same lenkja. Du kjem då tilbake til same side.',
  reviewTitle: 'Sjå over svara før du sender inn',
  notAnswered: 'Ikkje svart på',
  draftWarning: 'Denne sida har svar som må rettast før du kan sende inn.',
  receiptTitle: 'Takk! Svara er sende inn',
  receipt: (at) => `Svara vart sende inn ${at}.`,
  lastChanged: (at) => `Sist endra ${at}.`,
  canChange: (b) => `Du kan endre svara fram til og med ${b} med den same lenkja.`,
  yourAnswers: 'Svara dine',
  notFoundTitle: 'Fann ikkje sida',
  notFound: 'Lenkja er ugyldig eller ikkje lenger i bruk. Har du fått ei ny lenkje, bruk den.',
  tooMany: 'For mange forsøk. Vent litt og prøv igjen.',
  formExpired: 'Skjemaet var utgått. Prøv igjen.',
  tooLargeTitle: 'Førespurnaden er for stor',
  tooLarge: (size) =>
    `Førespurnaden er for stor: høgst ${size} er tillate. Svara på denne sida vart ikkje lagra. Gå tilbake, gjer svara kortare og prøv igjen.`,
  backToForm: 'Tilbake til skjemaet',
  unreadableTitle: 'Svara kunne ikkje lesast',
  unreadable: 'Nettlesaren sende svara i ei form vi ikkje kunne lese, så ingenting vart lagra. Gå tilbake til skjemaet og prøv igjen.',
  maxLength: (n) => `Høgst ${n} teikn`,
  specifyLabel: 'Skildre',
  optional: 'valfritt',
  numberHint: (min, max) => (min !== undefined && max !== undefined ? `Eit heilt tal frå ${min} til ${max}` : 'Eit heilt tal'),
  problem(p) {
    switch (p.code) {
      case 'required':
      case 'none_chosen':
        return 'Svar på spørsmålet';
      case 'not_a_number':
      case 'not_integer':
        return 'Skriv eit heilt tal, til dømes 12';
      case 'below_min':
        return `Talet kan ikkje vere mindre enn ${p.min}`;
      case 'above_max':
        return `Talet kan ikkje vere større enn ${p.max}`;
      case 'too_long':
        return `Teksten kan ha høgst ${p.max} teikn`;
      case 'exclusive':
        return `«${p.label}» kan ikkje kombinerast med andre svar`;
      case 'forbidden_character':
        return 'Teksten har eit teikn som ikkje kan lagrast (vist som �). Fjern det';
      case 'specify_missing':
        return `Du har valt «${p.label}». Skriv kva det gjeld`;
      case 'specify_without_option':
        return 'Du har skrive ei skildring, men ikkje kryssa av for svaret ho høyrer til';
      case 'one_only':
        return 'Vel berre eitt svar';
      default:
        return 'Svaret passar ikkje til spørsmålet';
    }
  },
};

const en: Strings = {
  ...nb,
  langName: 'English',
  brand: (year) => `Municipal survey ${year}`,
  languageNav: 'Language',
  skip: 'Skip to content',
  footer: 'Your answers are saved each time you go to the next page. The link is personal to your municipality and role.',
  accessibilityLink: 'Accessibility statement',
  roleName: { kommunedirektor: 'municipal director', integreringsansvarlig: 'integration officer', skolesjef: 'school director' },
  unitLine: (unit, role) => `${unit} – questionnaire for the ${role}`,
  notStarted: 'You have not started the questionnaire yet.',
  inProgress: (at) => `You have started the questionnaire. Last saved ${at}.`,
  submittedStatus: (at) => `Your answers were submitted ${at}.`,
  changeAnswers: 'Change your answers',
  pagesTitle: 'Pages of the questionnaire',
  saveFailed: 'The answers on this page are saved, but something must be corrected before you can submit.',
  seeReceipt: 'See the receipt',
  answeredSubmitted: 'Your answers are submitted',
  start: 'Start',
  continue: 'Continue where you left off',
  next: 'Next',
  back: 'Previous',
  saveExit: 'Save and continue later',
  review: 'Check your answers',
  submit: 'Submit your answers',
  submitChanges: 'Submit your changes',
  change: 'Change',
  page: (n, total) => `Page ${n} of ${total}`,
  progress: 'Progress',
  errorTitle: 'There is a problem',
  errorPrefix: 'Error:',
  revealed: 'Your answer added questions to this page. Answer them, or go on.',
  window: (a, b) => `The survey is open from ${a} to ${b} inclusive.`,
  notOpenTitle: 'The survey is not open yet',
  notOpen: (a, b) => `You can answer from ${a} to ${b} inclusive. Use the same link then.`,
  closedTitle: 'The survey has closed',
  closed: (a, b) => `The survey was open from ${a} to ${b}. Thank you for your interest.`,
  savedTitle: 'Your answers are saved',
  saved: 'You can continue later from any computer with the same link, and you will return to the same page.',
  reviewTitle: 'Check your answers before submitting',
  notAnswered: 'Not answered',
  draftWarning: 'This page has answers that must be corrected before you can submit.',
  receiptTitle: 'Thank you! Your answers are submitted',
  receipt: (at) => `Your answers were submitted ${at}.`,
  lastChanged: (at) => `Last changed ${at}.`,
  canChange: (b) => `You can change your answers until ${b} inclusive with the same link.`,
  yourAnswers: 'Your answers',
  forUnit: (unit) => `For ${unit}`,
  notFoundTitle: 'Page not found',
  notFound: 'The link is not valid or no longer in use. If you have received a new link, use that one.',
  tooMany: 'Too many attempts. Wait a little and try again.',
  formExpired: 'The form had expired. Please try again.',
  tooLargeTitle: 'The request is too large',
  tooLarge: (size) =>
    `The request is too large: at most ${size} is allowed. The answers on this page were not saved. Go back, shorten your answers and try again.`,
  backToForm: 'Back to the questionnaire',
  unreadableTitle: 'Your answers could not be read',
  unreadable:
    'The browser sent your answers in a form we could not read, so nothing was saved. Go back to the questionnaire and try again.',
  maxLength: (n) => `At most ${n} characters`,
  specifyLabel: 'Describe',
  optional: 'optional',
  numberHint: (min, max) => (min !== undefined && max !== undefined ? `A whole number from ${min} to ${max}` : 'A whole number'),
  problem(p) {
    switch (p.code) {
      case 'required':
      case 'none_chosen':
        return 'Answer the question';
      case 'not_a_number':
      case 'not_integer':
        return 'Enter a whole number, like 12';
      case 'below_min':
        return `The number cannot be less than ${p.min}`;
      case 'above_max':
        return `The number cannot be more than ${p.max}`;
      case 'too_long':
        return `The text can have at most ${p.max} characters`;
      case 'exclusive':
        return `“${p.label}” cannot be combined with other answers`;
      case 'forbidden_character':
        return 'The text has a character that cannot be saved (shown as �). Remove it';
      case 'specify_missing':
        return `You chose “${p.label}”. Describe what it is`;
      case 'specify_without_option':
        return 'You wrote a description but did not tick the answer it belongs to';
      case 'one_only':
        return 'Choose only one answer';
      default:
        return 'The answer does not fit the question';
    }
  },
};

export const strings: Record<Language, Strings> = { nb, nn, en };
export type { Strings };
