/**
 * Groupings: the built-in ones plus those loaded from a YAML/JSON file into the store.
 */
import YAML from 'yaml';
import { z } from 'zod';
import { conflict, invalid } from '../shared/errors.ts';
import { readUtf8 } from '../shared/text.ts';
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
    throw invalid(`unknown grouping "${key}" (known: ${keys})`);
  }
  return found.grouping;
}

const fileSchema = z.object({ groupings: z.array(groupingSchema).min(1) }).strict();

/** Loads groupings from a YAML or JSON file (`groupings: [...]`); all or nothing. */
export async function importGroupings(store: Store, input: string | Uint8Array, file: string, now = new Date()): Promise<Grouping[]> {
  const text = readUtf8(input, file);
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (e) {
    throw invalid(`${file}: not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (Array.isArray(data)) data = { groupings: data };
  const parsed = parseOrThrow(fileSchema, data, '', file);
  const builtinKeys = new Set(builtinGroupings.map((g) => g.key));
  const keys = new Set<string>();
  parsed.groupings.forEach((g, i) => {
    if (builtinKeys.has(g.key)) throw conflict(`${file}: groupings[${i}].key: "${g.key}" is a built-in grouping`);
    if (keys.has(g.key)) throw invalid(`${file}: groupings[${i}].key: "${g.key}" appears twice`);
    keys.add(g.key);
  });
  await store.db.transaction().execute(async (trx) => {
    for (const g of parsed.groupings) await upsertGrouping(trx, g.key, JSON.stringify(g), now.toISOString());
  });
  return parsed.groupings;
}
