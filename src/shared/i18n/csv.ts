/**
 * Messages of reading CSV files (shared/csv.ts): where in a file a problem is (`registry.csv line
 * 57, column folketall`), and what is wrong with the file as CSV. Columns every import checks
 * (a required one missing, an unknown one) are here too, for the registry, contacts and responses
 * alike. A location and a problem are joined by `common.at`; a file's own problem by the file name.
 */
import type { TextTable } from './types.ts';

type Location = { file: string; line: number; column?: string };
type ParseLocation = { file: string; line?: number; column?: number };

export const csvTexts = {
  /** `registry.csv line 57, column folketall` (the column by its header name). */
  'csv.location': {
    nb: (p: Location) => `${p.file} linje ${p.line}${p.column === undefined ? '' : `, kolonne ${p.column}`}`,
    nn: (p: Location) => `${p.file} linje ${p.line}${p.column === undefined ? '' : `, kolonne ${p.column}`}`,
    en: (p: Location) => `${p.file} line ${p.line}${p.column === undefined ? '' : `, column ${p.column}`}`,
  },
  /** Where the CSV reader stopped: `registry.csv line 2 (column 2)` (the column by its place). */
  'csv.parse_location': {
    nb: (p: ParseLocation) =>
      `${p.file}${p.line === undefined ? '' : ` linje ${p.line}`}${p.column === undefined ? '' : ` (kolonne ${p.column})`}`,
    nn: (p: ParseLocation) =>
      `${p.file}${p.line === undefined ? '' : ` linje ${p.line}`}${p.column === undefined ? '' : ` (kolonne ${p.column})`}`,
    en: (p: ParseLocation) =>
      `${p.file}${p.line === undefined ? '' : ` line ${p.line}`}${p.column === undefined ? '' : ` (column ${p.column})`}`,
  },
  'csv.empty_start': {
    nb: () => 'filen er tom eller begynner med en tom linje',
    nn: () => 'fila er tom eller byrjar med ei tom linje',
    en: () => 'the file is empty or starts with an empty line',
  },
  'csv.empty': {
    nb: () => 'filen er tom',
    nn: () => 'fila er tom',
    en: () => 'the file is empty',
  },
  /** `header` is the header line as read: `kommunenummer,navn,folketall`. */
  'csv.column_count': {
    nb: (p: { expected: number; header: string; found: number }) => `skulle hatt ${p.expected} kolonner (${p.header}), men har ${p.found}`,
    nn: (p: { expected: number; header: string; found: number }) => `skulle hatt ${p.expected} kolonnar (${p.header}), men har ${p.found}`,
    en: (p: { expected: number; header: string; found: number }) => `expected ${p.expected} columns (${p.header}), found ${p.found}`,
  },
  'csv.too_many_columns': {
    nb: (p: { found: number; max: number }) => `${p.found} kolonner, men høyst ${p.max} blir lest`,
    nn: (p: { found: number; max: number }) => `${p.found} kolonnar, men høgst ${p.max} blir lesne`,
    en: (p: { found: number; max: number }) => `${p.found} columns, at most ${p.max} are read`,
  },
  /** `what` is a forbidden character where it is (text.forbidden_char). */
  'csv.header_forbidden': {
    nb: (p: { index: number; what: string }) => `navnet på kolonne ${p.index} inneholder ${p.what}; fjern det`,
    nn: (p: { index: number; what: string }) => `namnet på kolonne ${p.index} inneheld ${p.what}; fjern det`,
    en: (p: { index: number; what: string }) => `the name of column ${p.index} holds ${p.what}; remove it`,
  },
  'csv.header_empty': {
    nb: (p: { index: number }) => `kolonne ${p.index} har ikke noe navn i overskriftslinjen`,
    nn: (p: { index: number }) => `kolonne ${p.index} har ikkje noko namn i overskriftslinja`,
    en: (p: { index: number }) => `column ${p.index} has no name in the header`,
  },
  /** `name` is shortened already (text.ts `shorten`). */
  'csv.header_too_long': {
    nb: (p: { index: number; name: string; max: number }) => `navnet på kolonne ${p.index} («${p.name}») er lengre enn ${p.max} tegn`,
    nn: (p: { index: number; name: string; max: number }) => `namnet på kolonne ${p.index} («${p.name}») er lengre enn ${p.max} teikn`,
    en: (p: { index: number; name: string; max: number }) =>
      `the name of column ${p.index} ("${p.name}") is longer than ${p.max} characters`,
  },
  'csv.header_characters': {
    nb: (p: { index: number; name: string }) =>
      `navnet på kolonne ${p.index} («${p.name}») kan bare ha bokstaver, sifre, _, -, . og mellomrom`,
    nn: (p: { index: number; name: string }) =>
      `namnet på kolonne ${p.index} («${p.name}») kan berre ha bokstavar, siffer, _, -, . og mellomrom`,
    en: (p: { index: number; name: string }) =>
      `the name of column ${p.index} ("${p.name}") may hold only letters, digits, _, -, . and spaces`,
  },
  'csv.header_twice': {
    nb: (p: { name: string }) => `kolonnen «${p.name}» står to ganger i overskriftslinjen`,
    nn: (p: { name: string }) => `kolonnen «${p.name}» står to gonger i overskriftslinja`,
    en: (p: { name: string }) => `column "${p.name}" appears twice in the header`,
  },
  /** `cellLine` is given when the character is on a later line of a cell that spans lines. */
  'csv.cell_forbidden': {
    nb: (p: { what: string; cellLine?: number }) =>
      `cellen inneholder ${p.what}${p.cellLine === undefined ? '' : ` (linje ${p.cellLine} i cellen)`}; fjern det`,
    nn: (p: { what: string; cellLine?: number }) =>
      `cella inneheld ${p.what}${p.cellLine === undefined ? '' : ` (linje ${p.cellLine} i cella)`}; fjern det`,
    en: (p: { what: string; cellLine?: number }) =>
      `the cell holds ${p.what}${p.cellLine === undefined ? '' : ` (line ${p.cellLine} of the cell)`}; remove it`,
  },
  'csv.cell_too_long': {
    nb: (p: { max: number }) => `cellen er lengre enn ${p.max} tegn`,
    nn: (p: { max: number }) => `cella er lengre enn ${p.max} teikn`,
    en: (p: { max: number }) => `the cell is longer than ${p.max} characters`,
  },
  'csv.quote_not_closed': {
    nb: () => 'en celle i anførselstegn begynner her, men anførselstegnet (") som skal avslutte den, mangler',
    nn: () => 'ei celle i hermeteikn byrjar her, men hermeteiknet (") som skal avslutte ho, manglar',
    en: () => 'a quoted cell starts here but its closing quote (") is missing',
  },
  'csv.text_after_quote': {
    nb: () => 'det står tekst etter anførselstegnet som avslutter en celle; skriv et anførselstegn inne i en celle i anførselstegn som ""',
    nn: () => 'det står tekst etter hermeteiknet som avsluttar ei celle; skriv eit hermeteikn inne i ei celle i hermeteikn som ""',
    en: () => 'text follows the closing quote of a quoted cell; write a quote inside a quoted cell as ""',
  },
  'csv.quote_in_cell': {
    nb: () => 'et anførselstegn (") midt i en celle; sett hele cellen i anførselstegn og skriv anførselstegnet som ""',
    nn: () => 'eit hermeteikn (") midt i ei celle; set heile cella i hermeteikn og skriv hermeteiknet som ""',
    en: () => 'a quote (") in the middle of a cell; put the whole cell in quotes and write the quote as ""',
  },
  'csv.row_too_long': {
    nb: (p: { columns: number; characters: number }) => `raden er for lang (høyst ${p.columns} kolonner med høyst ${p.characters} tegn)`,
    nn: (p: { columns: number; characters: number }) => `rada er for lang (høgst ${p.columns} kolonnar med høgst ${p.characters} teikn)`,
    en: (p: { columns: number; characters: number }) =>
      `the row is too long (at most ${p.columns} columns of at most ${p.characters} characters)`,
  },
  'csv.unreadable': {
    nb: () => 'filen kan ikke leses som CSV her',
    nn: () => 'fila kan ikkje lesast som CSV her',
    en: () => 'the file cannot be read as CSV here',
  },
  /** At `csv.location` line 1. */
  'csv.required_column_missing': {
    nb: (p: { column: string }) => `den påkrevde kolonnen «${p.column}» mangler`,
    nn: (p: { column: string }) => `den påkravde kolonnen «${p.column}» manglar`,
    en: (p: { column: string }) => `required column "${p.column}" is missing`,
  },
  /** At `csv.location` line 1 with the column. */
  'csv.unknown_column': {
    nb: () => 'ukjent kolonne',
    nn: () => 'ukjend kolonne',
    en: () => 'unknown column',
  },
} satisfies TextTable;
