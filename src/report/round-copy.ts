/**
 * A new round from an earlier one together with its report definition: the round's own copy
 * (round/round-setup.ts) with the earlier round's definition copied along in the same
 * transaction, its written years made relative (definition.years.ts).
 */
import { type CopyRoundInput, createRoundFrom, type RoundCopied } from '../round/round-setup.ts';
import type { Store } from '../store/store.ts';
import { type DefinitionCopy, definitionCopy, storeCopy } from './definition.service.ts';
import type { YearReplaced } from './definition.years.ts';

/** What the copy did to the report definition's years. */
export interface DefinitionCopied {
  readonly replaced: readonly YearReplaced[];
  readonly trends: number;
}

export async function createRoundWithReport(
  store: Store,
  input: CopyRoundInput & { /** Who made it (the definition's first version is theirs). */ readonly byUser?: string },
  now = new Date(),
): Promise<Omit<RoundCopied<DefinitionCopy>, 'along'> & { definition: DefinitionCopied }> {
  const { along, ...round } = await createRoundFrom<DefinitionCopy>(store, input, now, {
    prepare: () => definitionCopy(store, input.from, { byUser: input.byUser ?? 'kommunepuls', now }),
    write: (db, year, copy) => storeCopy(db, year, copy),
  });
  const copy = along as DefinitionCopy;
  return { ...round, definition: { replaced: copy.replaced, trends: copy.trends } };
}
