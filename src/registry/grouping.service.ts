/**
 * Groupings: the built-in ones plus those loaded from a YAML/JSON file into the store.
 */
import { z } from 'zod';
import { conflict, invalid } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { readStructured } from '../shared/structured.ts';
import { shorten } from '../shared/text.ts';
import { parseOrThrow } from '../shared/validation.ts';
import type { Store } from '../store/store.ts';
import { builtinGroupings } from './grouping.builtin.ts';
import { listStoredGroupings, upsertGrouping } from './grouping.repository.ts';
import { type Grouping, groupingSchema } from './grouping.ts';

export interface ListedGrouping {
  readonly grouping: Grouping;
  readonly builtin: boolean;
}

export async function listGroupings(store: Store): Promise<ListedGrouping[]> {
  const stored = await listStoredGroupings(store.db);
  return [
    ...builtinGroupings.map((grouping) => ({ grouping, builtin: true })),
    ...stored.map((s) => ({ grouping: groupingSchema.parse(JSON.parse(s.definition)), builtin: false })),
  ];
}

export async function getGrouping(store: Store, key: string): Promise<Grouping> {
  const found = (await listGroupings(store)).find((g) => g.grouping.key === key);
  if (!found) {
    const keys = (await listGroupings(store)).map((g) => g.grouping.key).join(', ');
    throw invalid(msg('grouping.unknown', { key: shorten(key), known: keys }));
  }
  return found.grouping;
}

const fileSchema = z.object({ groupings: z.array(groupingSchema).min(1) }).strict();

/** Loads groupings from a YAML or JSON file (`groupings: [...]`); all or nothing. */
export async function importGroupings(store: Store, input: string | Uint8Array, file: string, now = new Date()): Promise<Grouping[]> {
  let data = readStructured(input, file);
  if (Array.isArray(data)) data = { groupings: data };
  const parsed = parseOrThrow(fileSchema, data, '', file);
  const builtinKeys = new Set(builtinGroupings.map((g) => g.key));
  const keys = new Set<string>();
  parsed.groupings.forEach((g, i) => {
    const at = (what: Message) => msg('validation.in_file', { file, what: msg('common.at', { where: `groupings[${i}].key`, what }) });
    if (builtinKeys.has(g.key)) throw conflict(at(msg('grouping.builtin', { key: g.key })));
    if (keys.has(g.key)) throw invalid(at(msg('grouping.twice', { key: g.key })));
    keys.add(g.key);
  });
  await store.db.transaction().execute(async (trx) => {
    for (const g of parsed.groupings) await upsertGrouping(trx, g.key, JSON.stringify(g), now.toISOString());
  });
  return parsed.groupings;
}
