/**
 * The shapes of the message catalogue: every text a user can see (errors, CSV and validation
 * problems) has a key and a wording per language, written in one of the area tables beside this
 * file and merged in catalogue.ts. Services throw and collect keys with parameters (`Message`);
 * the web words them in the page's language and the CLI in its own (see message.ts).
 */

export type Lang = 'nb' | 'nn' | 'en';
export const langs: readonly Lang[] = ['nb', 'nn', 'en'];

/** One message's wording in every language, each a function of its parameters. */
// biome-ignore lint/suspicious/noExplicitAny: parameters differ per message; catalogue.ts keeps each one's own type
export type Wording<P = any> = { readonly [L in Lang]: (p: P) => string };

/** An area's messages by key (keys are `area.what`, e.g. `csv.not_utf8`). */
export type TextTable = Readonly<Record<string, Wording>>;
