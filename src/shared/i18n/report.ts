/**
 * Messages of the report: problems in a report definition (YAML/JSON), in the placeholders of
 * its text and in the figures it asks for, and why a build or its PDF could not be made. The
 * report's own text is Norwegian already; these are only the problems a survey team reads on the
 * report page or in the CLI. Paths such as `chapters[0].blocks[1].text` are the definition's own
 * field names and stay as they are in every language.
 */
import type { TextTable } from './types.ts';

export const reportTexts = {
  // The definition file.
  'report.no_definition': {
    nb: (p: { name: string; builtin: string }) =>
      `Det finnes ingen rapportdefinisjon «${p.name}» (innebygde: ${p.builtin}; eller oppgi stien til en fil)`,
    nn: (p: { name: string; builtin: string }) =>
      `Det finst ingen rapportdefinisjon «${p.name}» (innebygde: ${p.builtin}; eller oppgi stien til ei fil)`,
    en: (p: { name: string; builtin: string }) => `no report definition "${p.name}" (built in: ${p.builtin}; or give a file path)`,
  },
  'report.id_format': {
    nb: () => 'bruk små bokstaver, sifre, - og _',
    nn: () => 'bruk små bokstavar, siffer, - og _',
    en: () => 'use lower-case letters, digits, - and _',
  },
  'report.id_used': {
    nb: (p: { id: string; other: string }) => `id-en «${p.id}» er allerede brukt i ${p.other}`,
    nn: (p: { id: string; other: string }) => `id-en «${p.id}» er alt brukt i ${p.other}`,
    en: (p: { id: string; other: string }) => `id "${p.id}" is used already at ${p.other}`,
  },
  'report.breakdown_needs_by': {
    nb: () => 'en fordeling (breakdown) trenger en gruppering (by)',
    nn: () => 'ei fordeling (breakdown) treng ei gruppering (by)',
    en: () => 'a breakdown needs a grouping (by)',
  },
  'report.trend_needs_codes': {
    nb: () => 'en trend trenger svaralternativene den følger (codes)',
    nn: () => 'ein trend treng svaralternativa han følgjer (codes)',
    en: () => 'a trend needs the options it follows (codes)',
  },
  'report.trend_needs_years': {
    nb: () => 'en trend trenger årene sine ([fra, til])',
    nn: () => 'ein trend treng åra sine ([frå, til])',
    en: () => 'a trend needs its years ([from, to])',
  },
  'report.roles_need_two': {
    nb: () => 'roller side om side trenger minst to spørsmål',
    nn: () => 'roller side om side treng minst to spørsmål',
    en: () => 'roles side by side need at least two questions',
  },
  'report.one_question': {
    nb: (p: { kind: string }) => `en figur av typen ${p.kind} viser ett spørsmål`,
    nn: (p: { kind: string }) => `ein figur av typen ${p.kind} viser eitt spørsmål`,
    en: (p: { kind: string }) => `a ${p.kind} figure shows one question`,
  },
  'report.block_needs_content': {
    nb: () => 'en blokk må ha text, figure eller table',
    nn: () => 'ei blokk må ha text, figure eller table',
    en: () => 'a block needs text, figure or table',
  },
  'report.no_chapters': {
    nb: () => 'rapportdefinisjonen har ingen kapitler',
    nn: () => 'rapportdefinisjonen har ingen kapittel',
    en: () => 'the report definition has no chapters',
  },

  // Placeholders in the text: `chapters[0].blocks[1].text: {{share …}}: …`.
  'report.in_placeholder': {
    nb: (p: { where: string; placeholder: string; what: string }) => `${p.where}: {{${p.placeholder}}}: ${p.what}`,
    nn: (p: { where: string; placeholder: string; what: string }) => `${p.where}: {{${p.placeholder}}}: ${p.what}`,
    en: (p: { where: string; placeholder: string; what: string }) => `${p.where}: {{${p.placeholder}}}: ${p.what}`,
  },
  'report.placeholder_needs': {
    nb: (p: { name: string; arg: string }) => `«${p.name}» trenger ${p.arg}=…`,
    nn: (p: { name: string; arg: string }) => `«${p.name}» treng ${p.arg}=…`,
    en: (p: { name: string; arg: string }) => `"${p.name}" needs ${p.arg}=…`,
  },
  'report.placeholder_role': {
    nb: (p: { role: string; roles: string }) => `ukjent rolle «${p.role}» (${p.roles})`,
    nn: (p: { role: string; roles: string }) => `ukjend rolle «${p.role}» (${p.roles})`,
    en: (p: { role: string; roles: string }) => `unknown role "${p.role}" (${p.roles})`,
  },
  'report.placeholder_of': {
    nb: () => 'of= må være population eller immigrants',
    nn: () => 'of= må vere population eller immigrants',
    en: () => 'of= must be population or immigrants',
  },
  'report.placeholder_codes': {
    nb: () => 'codes= må være hele tall skilt med komma',
    nn: () => 'codes= må vere heile tal skilde med komma',
    en: () => 'codes= must be whole numbers separated by commas',
  },
  'report.no_item': {
    nb: (p: { question: string; item: string }) => `${p.question} har ikke noe delspørsmål «${p.item}»`,
    nn: (p: { question: string; item: string }) => `${p.question} har ikkje noko delspørsmål «${p.item}»`,
    en: (p: { question: string; item: string }) => `${p.question} has no item "${p.item}"`,
  },
  'report.matrix_needs_item': {
    nb: (p: { question: string }) => `${p.question} er en matrise: si hvilket delspørsmål med item=`,
    nn: (p: { question: string }) => `${p.question} er ei matrise: sei kva delspørsmål med item=`,
    en: (p: { question: string }) => `${p.question} is a matrix: say which item=`,
  },
  'report.no_option': {
    nb: (p: { question: string; codes: string }) => `${p.question} har ikke svaralternativ ${p.codes}`,
    nn: (p: { question: string; codes: string }) => `${p.question} har ikkje svaralternativ ${p.codes}`,
    en: (p: { question: string; codes: string }) => `${p.question} has no option ${p.codes}`,
  },
  'report.no_ref': {
    nb: (p: { id: string }) => `ingen figur eller tabell har id-en «${p.id}»`,
    nn: (p: { id: string }) => `ingen figur eller tabell har id-en «${p.id}»`,
    en: (p: { id: string }) => `no figure or table with id "${p.id}"`,
  },
  'report.unknown_placeholder': {
    nb: (p: { name: string; names: string }) => `ukjent plassholder «${p.name}» (${p.names})`,
    nn: (p: { name: string; names: string }) => `ukjend plasshaldar «${p.name}» (${p.names})`,
    en: (p: { name: string; names: string }) => `unknown placeholder "${p.name}" (${p.names})`,
  },

  // Figures.
  'report.breakdown_not_matrix': {
    nb: (p: { question: string }) => `en fordeling (breakdown) trenger et spørsmål som ikke er en matrise (${p.question})`,
    nn: (p: { question: string }) => `ei fordeling (breakdown) treng eit spørsmål som ikkje er ei matrise (${p.question})`,
    en: (p: { question: string }) => `a breakdown figure needs a question that is not a matrix (${p.question})`,
  },
  'report.bars_matrix': {
    nb: (p: { question: string }) => `${p.question} er en matrise: vis den som «stacked» eller «roles»`,
    nn: (p: { question: string }) => `${p.question} er ei matrise: vis ho som «stacked» eller «roles»`,
    en: (p: { question: string }) => `${p.question} is a matrix: show it as "stacked" or "roles"`,
  },
  'report.roles_matrix_codes': {
    nb: (p: { question: string }) =>
      `roller side om side for matrisen ${p.question} trenger svaralternativene som telles som andelen (codes)`,
    nn: (p: { question: string }) => `roller side om side for matrisa ${p.question} treng svaralternativa som blir talde som delen (codes)`,
    en: (p: { question: string }) => `roles side by side for the matrix ${p.question} need the options counted as the share (codes)`,
  },

  // Builds.
  'report.no_chromium': {
    nb: (p: { path: string }) =>
      `fant ingen Chromium i ${p.path} til å skrive ut PDF-en (installer Debians chromium: apt-get install -y chromium, eller sett KOMMUNEPULS_CHROMIUM)`,
    nn: (p: { path: string }) =>
      `fann ingen Chromium i ${p.path} til å skrive ut PDF-en (installer chromium frå Debian: apt-get install -y chromium, eller set KOMMUNEPULS_CHROMIUM)`,
    en: (p: { path: string }) =>
      `no Chromium at ${p.path} to print the PDF (install Debian's chromium: apt-get install -y chromium, or set KOMMUNEPULS_CHROMIUM)`,
  },
  'report.build_crashed': {
    nb: () => 'uventet feil under byggingen; se loggen til serveren',
    nn: () => 'uventa feil under bygginga; sjå loggen til serveren',
    en: () => 'unexpected error during the build; see the server log',
  },
  'report.build_stale': {
    nb: () => 'avbrutt: bygget sluttet å melde fremdrift (serveren ble stoppet?)',
    nn: () => 'avbrote: bygget slutta å melde framdrift (vart serveren stoppa?)',
    en: () => 'stopped: the build no longer reported progress (was the server stopped?)',
  },
  'report.build_running': {
    nb: (p: { year: number; id: number }) => `Rapporten for ${p.year} bygges allerede (bygg ${p.id})`,
    nn: (p: { year: number; id: number }) => `Rapporten for ${p.year} blir bygd alt (bygg ${p.id})`,
    en: (p: { year: number; id: number }) => `the report for ${p.year} is being built already (build ${p.id})`,
  },
} satisfies TextTable;
