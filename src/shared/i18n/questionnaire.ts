/**
 * Messages about questionnaires and round templates: problems in a questionnaire file (beyond
 * its shape, which zod words), problems with an answer to a question, and conditions in plain
 * words (in the problems of a response import). The English wording is what the CLI has always
 * printed; tests and the README quote it.
 */
import type { TextTable } from './types.ts';

type Key = { key: string };
type Question = { question: string };
type Code = { code: number };
type MinMax = { min: number; max: number };
type Pair = { a: string; b: string };

/** Decimal comma in Norwegian (`0,5`). */
const no = (n: number) => String(n).replace('.', ',');

export const questionnaireTexts = {
  // --- The questionnaire file (zod refinements in model.ts and template.ts) ---
  'questionnaire.key_format': {
    nb: () => 'nøkler består av små bokstaver a–z, sifre og _, og begynner med en bokstav',
    nn: () => 'nøklar består av små bokstavar a–z, siffer og _, og byrjar med ein bokstav',
    en: () => 'keys are lower-case letters a-z, digits and _, starting with a letter',
  },
  'questionnaire.text_empty': {
    nb: () => 'teksten er tom',
    nn: () => 'teksten er tom',
    en: () => 'text is empty',
  },
  'questionnaire.code_not_integer': {
    nb: () => 'koder er hele tall',
    nn: () => 'kodar er heile tal',
    en: () => 'codes are whole numbers',
  },
  'questionnaire.date_format': {
    nb: () => 'datoer skrives ÅÅÅÅ-MM-DD',
    nn: () => 'datoar skriv ein ÅÅÅÅ-MM-DD',
    en: () => 'dates are written YYYY-MM-DD',
  },

  // --- The questionnaire beyond its shape (validate.ts) ---
  'questionnaire.duplicate_code': {
    nb: (p: Code) => `koden ${p.code} er allerede brukt`,
    nn: (p: Code) => `koden ${p.code} er alt brukt`,
    en: (p: Code) => `duplicate code ${p.code}`,
  },
  'questionnaire.exclusive_not_multi': {
    nb: () => 'bare et svaralternativ i et spørsmål med flere svar mulig kan være eksklusivt',
    nn: () => 'berre eit svaralternativ i eit spørsmål med fleire svar moglege kan vere eksklusivt',
    en: () => 'only a multiple-choice option can be exclusive',
  },
  'questionnaire.specify_twice': {
    nb: () => 'bare ett svaralternativ per spørsmål kan be om en spesifisering',
    nn: () => 'berre eitt svaralternativ per spørsmål kan be om ei spesifisering',
    en: () => 'only one option per question can ask to specify',
  },
  'questionnaire.scale_max_not_above_min': {
    nb: (p: MinMax) => `høyeste verdi (max = ${p.max}) må være større enn laveste (min = ${p.min})`,
    nn: (p: MinMax) => `høgaste verdi (max = ${p.max}) må vere større enn lågaste (min = ${p.min})`,
    en: (p: MinMax) => `max (${p.max}) must be above min (${p.min})`,
  },
  'questionnaire.scale_too_long': {
    nb: () => 'en skala kan ha høyst 21 punkter',
    nn: () => 'ein skala kan ha høgst 21 punkt',
    en: () => 'a scale has at most 21 points',
  },
  'questionnaire.extra_inside_scale': {
    nb: (p: Code & MinMax) => `koden ${p.code} ligger innenfor skalaen ${p.min}–${p.max}`,
    nn: (p: Code & MinMax) => `koden ${p.code} ligg innanfor skalaen ${p.min}–${p.max}`,
    en: (p: Code & MinMax) => `code ${p.code} lies inside the scale ${p.min}-${p.max}`,
  },
  'questionnaire.extra_plain': {
    nb: () => 'svar utenfor skalaen kan ikke være eksklusive eller be om spesifisering',
    nn: () => 'svar utanfor skalaen kan ikkje vere eksklusive eller be om spesifisering',
    en: () => 'scale extras cannot be exclusive or ask to specify',
  },
  'questionnaire.not_earlier_question': {
    nb: (p: Question) => `«${p.question}» er ikke et tidligere spørsmål`,
    nn: (p: Question) => `«${p.question}» er ikkje eit tidlegare spørsmål`,
    en: (p: Question) => `"${p.question}" is not an earlier question`,
  },
  'questionnaire.matrix_needs_item': {
    nb: (p: Question) => `«${p.question}» er en matrise: oppgi delspørsmålet (item)`,
    nn: (p: Question) => `«${p.question}» er ei matrise: oppgi delspørsmålet (item)`,
    en: (p: Question) => `"${p.question}" is a matrix: name the item`,
  },
  'questionnaire.no_such_item': {
    nb: (p: Question & { item: string }) => `«${p.question}» har ikke delspørsmålet «${p.item}»`,
    nn: (p: Question & { item: string }) => `«${p.question}» har ikkje delspørsmålet «${p.item}»`,
    en: (p: Question & { item: string }) => `"${p.question}" has no item "${p.item}"`,
  },
  'questionnaire.not_matrix': {
    nb: (p: Question) => `«${p.question}» er ikke en matrise`,
    nn: (p: Question) => `«${p.question}» er ikkje ei matrise`,
    en: (p: Question) => `"${p.question}" is not a matrix`,
  },
  'questionnaire.no_answer_codes': {
    nb: (p: Question) => `«${p.question}» har ingen svarkoder å teste på`,
    nn: (p: Question) => `«${p.question}» har ingen svarkodar å teste på`,
    en: (p: Question) => `"${p.question}" has no answer codes to test`,
  },
  'questionnaire.no_such_code': {
    nb: (p: Question & Code) => `«${p.question}» har ikke koden ${p.code}`,
    nn: (p: Question & Code) => `«${p.question}» har ikkje koden ${p.code}`,
    en: (p: Question & Code) => `"${p.question}" has no code ${p.code}`,
  },
  'questionnaire.duplicate_section': {
    nb: (p: Key) => `nøkkelen «${p.key}» er allerede brukt av en annen seksjon`,
    nn: (p: Key) => `nøkkelen «${p.key}» er alt brukt av ein annan seksjon`,
    en: (p: Key) => `duplicate section key "${p.key}"`,
  },
  'questionnaire.duplicate_question': {
    nb: (p: Key) => `nøkkelen «${p.key}» er allerede brukt av et annet spørsmål`,
    nn: (p: Key) => `nøkkelen «${p.key}» er alt brukt av eit anna spørsmål`,
    en: (p: Key) => `duplicate question key "${p.key}"`,
  },
  'questionnaire.duplicate_item': {
    nb: (p: Key) => `nøkkelen «${p.key}» er allerede brukt av et annet delspørsmål`,
    nn: (p: Key) => `nøkkelen «${p.key}» er alt brukt av eit anna delspørsmål`,
    en: (p: Key) => `duplicate item key "${p.key}"`,
  },
  'questionnaire.no_such_section': {
    nb: (p: { section: string }) => `det finnes ingen seksjon «${p.section}»`,
    nn: (p: { section: string }) => `det finst ingen seksjon «${p.section}»`,
    en: (p: { section: string }) => `no section "${p.section}"`,
  },
  'questionnaire.section_order': {
    nb: () => 'spørsmålene må komme i samme rekkefølge som seksjonene',
    nn: () => 'spørsmåla må kome i same rekkjefølgje som seksjonane',
    en: () => 'questions must follow the order of the sections',
  },
  'questionnaire.matrix_options_or_scale': {
    nb: () => 'en matrise har enten svaralternativer eller en skala',
    nn: () => 'ei matrise har anten svaralternativ eller ein skala',
    en: () => 'a matrix has either options or a scale',
  },
  'questionnaire.integer_max_below_min': {
    nb: (p: MinMax) => `høyeste tall (max = ${p.max}) er lavere enn laveste (min = ${p.min})`,
    nn: (p: MinMax) => `høgaste tal (max = ${p.max}) er lågare enn lågaste (min = ${p.min})`,
    en: (p: MinMax) => `max (${p.max}) is below min (${p.min})`,
  },
  'questionnaire.unknown_role': {
    nb: (p: { role: string; roles: string }) => `ukjent rolle «${p.role}» (rollene er ${p.roles})`,
    nn: (p: { role: string; roles: string }) => `ukjend rolle «${p.role}» (rollene er ${p.roles})`,
    en: (p: { role: string; roles: string }) => `unknown role "${p.role}" (roles: ${p.roles})`,
  },

  // --- Files and templates (template.ts) ---
  'questionnaire.no_such_file': {
    nb: (p: { file: string }) => `finner ikke filen ${p.file}`,
    nn: (p: { file: string }) => `finn ikkje fila ${p.file}`,
    en: (p: { file: string }) => `no such file: ${p.file}`,
  },
  'questionnaire.unknown_template': {
    nb: (p: { name: string; builtin: string }) =>
      `ukjent mal «${p.name}» (innebygde maler: ${p.builtin}; eller oppgi en mappe med template.yaml)`,
    nn: (p: { name: string; builtin: string }) =>
      `ukjend mal «${p.name}» (innebygde malar: ${p.builtin}; eller oppgi ei mappe med template.yaml)`,
    en: (p: { name: string; builtin: string }) =>
      `unknown template "${p.name}" (built in: ${p.builtin}; or give a folder with template.yaml)`,
  },
  'questionnaire.template_role_twice': {
    nb: (p: { role: string }) => `to skjemaer for rollen ${p.role}`,
    nn: (p: { role: string }) => `to skjema for rolla ${p.role}`,
    en: (p: { role: string }) => `two questionnaires for role ${p.role}`,
  },

  // --- An answer that does not fit its question (answer.ts) ---
  'questionnaire.answer_wrong_kind': {
    nb: () => 'svaret passer ikke til spørsmålstypen',
    nn: () => 'svaret passar ikkje til spørsmålstypen',
    en: () => 'the answer does not fit the question type',
  },
  'questionnaire.answer_none_chosen': {
    nb: () => 'ingen svaralternativ er valgt',
    nn: () => 'ingen svaralternativ er valt',
    en: () => 'no option chosen',
  },
  'questionnaire.answer_one_only': {
    nb: () => 'bare ett svaralternativ kan velges',
    nn: () => 'berre eitt svaralternativ kan veljast',
    en: () => 'only one option can be chosen',
  },
  'questionnaire.answer_chosen_twice': {
    nb: () => 'et svaralternativ er valgt to ganger',
    nn: () => 'eit svaralternativ er valt to gonger',
    en: () => 'an option is chosen twice',
  },
  'questionnaire.answer_unknown_code': {
    nb: (p: { value: number }) => `ingen svaralternativ har koden ${p.value}`,
    nn: (p: { value: number }) => `ingen svaralternativ har koden ${p.value}`,
    en: (p: { value: number }) => `no option with code ${p.value}`,
  },
  'questionnaire.answer_unknown_item_code': {
    nb: (p: { item: string; value: number }) => `delspørsmål «${p.item}»: ingen svaralternativ har koden ${p.value}`,
    nn: (p: { item: string; value: number }) => `delspørsmål «${p.item}»: ingen svaralternativ har koden ${p.value}`,
    en: (p: { item: string; value: number }) => `item "${p.item}": no option with code ${p.value}`,
  },
  'questionnaire.answer_unknown_item': {
    nb: (p: { item: string }) => `det finnes ikke noe delspørsmål «${p.item}»`,
    nn: (p: { item: string }) => `det finst ikkje noko delspørsmål «${p.item}»`,
    en: (p: { item: string }) => `no item "${p.item}"`,
  },
  'questionnaire.answer_exclusive': {
    nb: (p: { label: string }) => `«${p.label}» kan ikke kombineres med andre svaralternativer`,
    nn: (p: { label: string }) => `«${p.label}» kan ikkje kombinerast med andre svaralternativ`,
    en: (p: { label: string }) => `"${p.label}" cannot be combined with other options`,
  },
  'questionnaire.answer_specify_without_option': {
    nb: () => 'det er skrevet en spesifisering, men svaralternativet den hører til, er ikke valgt',
    nn: () => 'det er skrive ei spesifisering, men svaralternativet ho høyrer til, er ikkje valt',
    en: () => 'a specification is given, but its option is not chosen',
  },
  'questionnaire.answer_not_integer': {
    nb: () => 'forventet et helt tall',
    nn: () => 'venta eit heilt tal',
    en: () => 'expected a whole number',
  },
  'questionnaire.answer_below_min': {
    nb: (p: { value: number; min: number }) => `${no(p.value)} er mindre enn laveste tillatte verdi (${no(p.min)})`,
    nn: (p: { value: number; min: number }) => `${no(p.value)} er mindre enn lågaste tillatne verdi (${no(p.min)})`,
    en: (p: { value: number; min: number }) => `${p.value} is below the minimum ${p.min}`,
  },
  'questionnaire.answer_above_max': {
    nb: (p: { value: number; max: number }) => `${no(p.value)} er større enn høyeste tillatte verdi (${no(p.max)})`,
    nn: (p: { value: number; max: number }) => `${no(p.value)} er større enn høgaste tillatne verdi (${no(p.max)})`,
    en: (p: { value: number; max: number }) => `${p.value} is above the maximum ${p.max}`,
  },
  'questionnaire.answer_too_long': {
    nb: (p: { max: number }) => `teksten er lengre enn ${p.max} tegn`,
    nn: (p: { max: number }) => `teksten er lengre enn ${p.max} teikn`,
    en: (p: { max: number }) => `the text is longer than ${p.max} characters`,
  },

  // --- Conditions in plain words (describe.ts); lists are built from pairs ---
  'questionnaire.cond_compare': {
    nb: (p: { attribute: string; op: string; value: number }) => `${p.attribute} ${p.op} ${no(p.value)}`,
    nn: (p: { attribute: string; op: string; value: number }) => `${p.attribute} ${p.op} ${no(p.value)}`,
    en: (p: { attribute: string; op: string; value: number }) => `${p.attribute} ${p.op} ${p.value}`,
  },
  'questionnaire.cond_answer': {
    nb: (p: { target: string; codes: readonly number[] }) => `${p.target} er ${p.codes.join(' eller ')}`,
    nn: (p: { target: string; codes: readonly number[] }) => `${p.target} er ${p.codes.join(' eller ')}`,
    en: (p: { target: string; codes: readonly number[] }) => `${p.target} is ${p.codes.join(' or ')}`,
  },
  'questionnaire.cond_and': {
    nb: (p: Pair) => `${p.a} og ${p.b}`,
    nn: (p: Pair) => `${p.a} og ${p.b}`,
    en: (p: Pair) => `${p.a} and ${p.b}`,
  },
  'questionnaire.cond_or': {
    nb: (p: Pair) => `${p.a} eller ${p.b}`,
    nn: (p: Pair) => `${p.a} eller ${p.b}`,
    en: (p: Pair) => `${p.a} or ${p.b}`,
  },
  'questionnaire.cond_group': {
    nb: (p: { inner: string }) => `(${p.inner})`,
    nn: (p: { inner: string }) => `(${p.inner})`,
    en: (p: { inner: string }) => `(${p.inner})`,
  },
} satisfies TextTable;
