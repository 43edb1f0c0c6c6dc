/**
 * Messages as data: a key from the catalogue and its parameters. Services create them with `msg`
 * (type-checked against the catalogue), the web words them with `say(m, 'nb')` and the CLI with
 * the language it is set to. Parameters are plain values (numbers, strings, nested messages for a
 * problem inside a location), so a message can be stored, compared in tests and worded later.
 */
import { type Catalogue, catalogue, type MessageKey } from './catalogue.ts';
import type { Lang } from './types.ts';

export interface Message {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A text parameter may also be a message: it is worded in the same language first. */
type Wordable<T> = { [P in keyof T]: T[P] extends string ? string | Message : T[P] };
type ParamsOf<K extends MessageKey> = Parameters<Catalogue[K]['en']>[0] extends infer P
  ? P extends undefined
    ? undefined
    : Wordable<P>
  : never;

/** A message; parameters as its wording takes them (`msg('csv.empty', { file })`). */
export function msg<K extends MessageKey>(key: K, ...params: ParamsOf<K> extends undefined ? [] : [ParamsOf<K>]): Message {
  return { key, params: (params[0] ?? {}) as Record<string, unknown> };
}

export function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && typeof (v as Message).key === 'string' && (v as Message).key in catalogue;
}

/** The message in a language; parameters that are messages themselves are worded first. */
export function say(m: Message, lang: Lang): string {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.params)) params[k] = isMessage(v) ? say(v, lang) : v;
  const wording = catalogue[m.key] as { [L in Lang]: (p: Record<string, unknown>) => string };
  return wording[lang](params);
}
