/**
 * How large a request body may be, per kind of route: the one place these numbers live
 * (body-limit.ts enforces them, the README repeats them). The login is tiny and open to anyone,
 * so it gets the least; form pages carry at most a few dozen text answers (4 000 characters each
 * by default, up to 12 bytes a character once UTF-8 and form-encoded); uploads are the registry,
 * mapping and contacts CSVs and questionnaire YAML/JSON, all well under a megabyte for 437 units,
 * so 20 MB leaves room for years of growth without letting a file fill the server's memory.
 */

export interface BodyLimit {
  /** Bytes allowed. */
  readonly bytes: number;
  /** Which page frame the 413 answer uses: the respondent's or the survey team's. */
  readonly audience: 'respondent' | 'admin';
  /** What the limit is for, as the 413 page words it. */
  readonly kind: 'login' | 'form' | 'upload';
}

const kB = 1024;
const MB = 1024 * kB;

export const bodyLimits = {
  /** POST /logg-inn: an e-mail, a password and where to go next. */
  login: 16 * kB,
  /** Respondents' posts under /s/…: one page of answers. */
  respondentForm: 1 * MB,
  /** The survey team's other form posts (the questionnaire preview carries all answers so far). */
  adminForm: 1 * MB,
  /** File uploads (multipart), see `uploadPaths`. */
  upload: 20 * MB,
} as const;

/**
 * Fields of the survey team's forms (not files): a letter's body or a questionnaire's help text is
 * the longest thing typed, a few thousand characters; the questionnaire preview posts every answer
 * so far (a few hundred fields). Respondents' fields are limited by their questions instead
 * (`maxLength`, 4 000 characters by default) and by the body limit.
 */
export const fieldLimits = {
  /** Characters in one field's value. */
  chars: 100_000,
  /** Characters in a field's name. */
  nameChars: 200,
  /** Fields in one form. */
  count: 2_000,
} as const;

/**
 * The routes that take a file (the forms with enctype="multipart/form-data"): registry (and its
 * moves file), mapping, contacts CSV, questionnaire and report definition import. A new upload
 * form belongs here too; until then it gets the 1 MB of other forms.
 */
const uploadPaths: readonly RegExp[] = [
  /^\/registry\/import$/,
  /^\/registry\/import\/[^/]+\/flytting$/,
  /^\/registry\/kobling$/,
  /^\/kontakter\/import$/,
  /^\/runde\/\d+\/skjema\/[^/]+\/import$/,
  /^\/runde\/\d+\/rapport\/definisjon\/import$/,
];

/** The limit for a request to `path` (the body-limit middleware runs before any route). */
export function bodyLimitFor(path: string): BodyLimit {
  if (path === '/s' || path.startsWith('/s/')) return { bytes: bodyLimits.respondentForm, audience: 'respondent', kind: 'form' };
  if (path === '/logg-inn') return { bytes: bodyLimits.login, audience: 'admin', kind: 'login' };
  if (uploadPaths.some((p) => p.test(path))) return { bytes: bodyLimits.upload, audience: 'admin', kind: 'upload' };
  return { bytes: bodyLimits.adminForm, audience: 'admin', kind: 'form' };
}

/** A size in Norwegian units, e.g. `16 kB`, `1 MB`, `1,5 MB` (1 kB = 1 024 bytes). */
export function readableSize(bytes: number, locale = 'nb-NO'): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'MB'] : bytes >= kB ? [bytes / kB, 'kB'] : [bytes, 'byte'];
  return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${unit}`;
}
