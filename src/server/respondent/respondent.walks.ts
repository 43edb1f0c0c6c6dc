/**
 * The three 2019 questionnaires answered in the browser tests, as data: the pages a unit sees and
 * its answers on each, the follow-ups, an answer that fails validation, where the respondent
 * saves and leaves, what the eligibility rules leave out, and the change after submitting.
 */
import type { Role } from '../../questionnaire/model.ts';
import type { Fill } from '../testing/browser.ts';

export interface FollowUp {
  readonly section: string;
  /** The answer that asks the follow-up, and one that does not. */
  readonly trigger: Fill;
  readonly off: Fill;
  readonly reveals: string;
}

export interface Walk {
  readonly role: Role;
  readonly unit: string;
  /** A unit whose form shows the follow-ups revealed in place by the script. */
  readonly jsUnit: string;
  /** Every page the unit sees, in order, with the answers given on it (after follow-ups and corrections). */
  readonly pages: Readonly<Record<string, readonly Fill[]>>;
  readonly followUps: readonly FollowUp[];
  /** Answers that fail validation; the error summary links to `target` and shows `message`. */
  readonly invalid: {
    readonly section: string;
    readonly fills: readonly Fill[];
    readonly target: string;
    readonly message: string;
    /** Run first, e.g. to stand in for a browser that ignores `maxlength`. */
    readonly prepare?: string;
  };
  /** The page where the respondent saves, leaves and comes back on another device. */
  readonly saveAt: string;
  /** Questions the unit is not eligible for (absent from its page), and a unit not asked whole sections. */
  readonly eligibility?: {
    readonly section: string;
    readonly absent: readonly string[];
    readonly present: readonly string[];
    /** A unit not eligible for whole sections, and the pages it sees. */
    readonly otherUnit: string;
    readonly otherUnitPages: readonly string[];
  };
  /** Answers as the receipt words them. */
  readonly receipt: readonly string[];
  readonly change: { readonly section: string; readonly fill: Fill; readonly from: string; readonly to: string };
}

export const integreringsansvarlig: Walk = {
  role: 'integreringsansvarlig',
  unit: '3001',
  jsUnit: '0301',
  followUps: [
    {
      section: 'frivillige',
      trigger: { q: 'frivillig_samarbeid', code: 1 },
      off: { q: 'frivillig_samarbeid', code: 2 },
      reveals: 'frivillig_omrader',
    },
  ],
  invalid: {
    section: 'frivillige',
    fills: [
      { q: 'frivillig_omrader', code: 5 },
      { q: 'frivillig_omrader', code: 7 },
    ],
    target: 'f-frivillig_omrader-tekst',
    message: 'Du har valgt «Annet (spesifiser)». Skriv hva det gjelder',
  },
  pages: {
    om_deg: [{ q: 'rolle', text: 'Flyktningkonsulent' }],
    frivillige: [{ q: 'frivillig_omrader', specify: 'Leksehjelp på biblioteket' }],
    introduksjonsprogram: [
      { q: 'resultatmal', code: 2 },
      { q: 'tiltak_utdanning', code: 2 },
      { q: 'brukermedvirkning', code: 9 },
    ],
    imdi: [
      { q: 'imdi_kjennskap', item: 'imdi_no', code: 1 },
      { q: 'imdi_kjennskap', item: 'nora', code: 2 },
      { q: 'imdi_viktighet', item: 'tolking', code: 8 },
    ],
    bosetting: [
      { q: 'kartlegging_mottak', item: 'kompetanse', code: 4 },
      { q: 'kartlegging_rett_instans', code: 3 },
    ],
  },
  saveAt: 'introduksjonsprogram',
  eligibility: {
    // 3001 settled no transfer refugees: the questions about them are left out of its page.
    section: 'bosetting',
    absent: ['mest_utfordrende', 'kartlegging_off'],
    present: ['kartlegging_mottak', 'kartlegging_rett_instans'],
    otherUnit: '3002',
    // 3002 has no introduction programme participants and settled no refugees.
    otherUnitPages: ['Om deg', 'Samarbeid med frivillige organisasjoner', 'IMDi som samarbeidspartner'],
  },
  receipt: [
    'Flyktningkonsulent',
    'Ja',
    'Møteplasser/språkkafé',
    'Annet (spesifiser): Leksehjelp på biblioteket',
    'Ja, andel i arbeid og/eller utdanning ett år etter avsluttet program',
    'imdi.no: Ja',
    'Nettstedet Nora: Nei',
    'Tolking: Ikke relevant',
    'Flyktningens kompetanse: 4',
    '3',
  ],
  change: { section: 'om_deg', fill: { q: 'rolle', text: 'Programrådgiver' }, from: 'Flyktningkonsulent', to: 'Programrådgiver' },
};

// No question here is limited by eligibility (eligibleIf): every unit sees the whole questionnaire.
export const kommunedirektor: Walk = {
  role: 'kommunedirektor',
  unit: '030101',
  jsUnit: '0301',
  followUps: [
    {
      section: 'vold_nsk',
      trigger: { q: 'samarbeid_vold', code: 1 },
      off: { q: 'samarbeid_vold', code: 2 },
      reveals: 'samarbeid_instanser',
    },
    {
      section: 'vold_nsk',
      trigger: { q: 'handlingsplan_vold', code: 1 },
      off: { q: 'handlingsplan_vold', code: 9 },
      reveals: 'handlingsplan_omfatter_nsk',
    },
  ],
  // Nothing in this questionnaire can be answered wrongly with the controls as given: the one text
  // field has maxlength="200". A client that ignores it gets the server's check.
  invalid: {
    section: 'om_deg',
    prepare: `document.getElementById('f-rolle').removeAttribute('maxlength')`,
    fills: [{ q: 'rolle', text: 'Bydelsdirektør '.repeat(14) }],
    target: 'f-rolle',
    message: 'Teksten kan ha høyst 200 tegn',
  },
  pages: {
    om_deg: [{ q: 'rolle', text: 'Bydelsdirektør' }],
    planarbeid: [
      { q: 'planstrategi', item: 'tjenester_innvandrere', code: 1 },
      { q: 'planstrategi', item: 'boligtilbud_flyktninger', code: 9 },
      { q: 'tolk_retningslinjer', code: 2 },
    ],
    imdi: [{ q: 'imdi_kjennskap', item: 'tolkeregister', code: 1 }],
    vold_nsk: [
      { q: 'samarbeid_instanser', code: 1 },
      { q: 'samarbeid_instanser', code: 6 },
      { q: 'handlingsplan_omfatter_nsk', code: 2 },
      { q: 'nsk_utfordring', code: 3 },
    ],
  },
  saveAt: 'planarbeid',
  receipt: [
    'Bydelsdirektør',
    'Tilpasning av kommunale tjenester for innvandrere: Ja',
    'Behovet for tilstrekkelig boligtilbud for flyktninger: Vet ikke',
    'Ja, men uten at Nasjonalt tolkeregister inngår',
    'Nasjonalt tolkeregister: Ja',
    'Politi',
    'IMDi',
    'Nei',
  ],
  change: {
    section: 'planarbeid',
    fill: { q: 'tolk_retningslinjer', code: 1 },
    from: 'Ja, men uten at Nasjonalt tolkeregister inngår',
    to: 'Ja, der Nasjonalt tolkeregister inngår',
  },
};

// No question here is limited by eligibility either; city districts get no link at all (see `answers`).
export const skolesjef: Walk = {
  role: 'skolesjef',
  unit: '3002',
  jsUnit: '0301',
  followUps: [
    {
      section: 'norskopplaering',
      trigger: { q: 'rullerende_tiltak', code: 1 },
      off: { q: 'rullerende_tiltak', code: 2 },
      reveals: 'rullerende_hvilke',
    },
    {
      section: 'vold_nsk',
      trigger: { q: 'oversikt_utenlandsopphold', code: 1 },
      off: { q: 'oversikt_utenlandsopphold', code: 9 },
      reveals: 'antall_utenlandsopphold',
    },
  ],
  invalid: {
    section: 'vold_nsk',
    fills: [{ q: 'antall_utenlandsopphold', text: '20 000' }],
    target: 'f-antall_utenlandsopphold',
    message: 'Tallet kan ikke være større enn 10000',
  },
  pages: {
    om_deg: [{ q: 'rolle', text: 'Rektor for voksenopplæringen' }],
    norskopplaering: [
      { q: 'rullerende_hvilke', code: 3 },
      { q: 'kombinere_norsk_utdanning', code: 1 },
      { q: 'kontakt_malgruppe', code: 4 },
      { q: 'kontakt_malgruppe', code: 6 },
      { q: 'kontakt_malgruppe', specify: 'Via helsestasjonen' },
    ],
    vold_nsk: [
      { q: 'antall_utenlandsopphold', text: '7' },
      { q: 'nsk_utfordring_grunnskole', code: 2 },
    ],
    kompetanse_nsk: [{ q: 'kjenner_kompetanseteamet', code: 1 }],
  },
  saveAt: 'norskopplaering',
  receipt: [
    'Rektor for voksenopplæringen',
    'Digitale tilbud',
    'Informasjonsmøter',
    'Annet (spesifiser): Via helsestasjonen',
    '7 elever',
    '2',
    'Ja',
  ],
  change: { section: 'vold_nsk', fill: { q: 'antall_utenlandsopphold', text: '9' }, from: '7 elever', to: '9 elever' },
};
