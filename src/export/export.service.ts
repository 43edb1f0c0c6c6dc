/**
 * Researcher exports of one round and role: one row per unit with a response, its answers as
 * codes (analysts' recodes applied), optional registry attributes, and a codebook. Answers are
 * read in batches of responses so the export does not hold the whole answer table at once.
 */
import type { Role } from '../questionnaire/model.ts';
import { getRegistry } from '../registry/registry.service.ts';
import { getRound, roundQuestionnaire } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { exportRow, exportVariables } from './dataset.ts';
import { answersOf, type ExportAnswerRow, exportResponses } from './export.repository.ts';
import { datasetWriter, type ExportFormat } from './writers.ts';

export interface ExportOptions {
  readonly year: number;
  readonly role: Role;
  readonly format: ExportFormat;
  readonly out: string;
  readonly attributes?: readonly string[];
  /** The capital's districts instead of the municipalities. */
  readonly districts?: boolean;
  readonly includeInProgress?: boolean;
  /** Responses per answer query. */
  readonly batchSize?: number;
}

export interface ExportResult {
  readonly files: readonly string[];
  readonly rows: number;
  readonly variables: number;
}

export async function exportResponsesToFile(store: Store, options: ExportOptions): Promise<ExportResult> {
  const round = await getRound(store, options.year);
  const qn = await roundQuestionnaire(store, options.year, options.role);
  const units = new Map((await getRegistry(store, round.registryYear)).map((u) => [u.number, u]));
  const attributes = options.attributes ?? [];
  const known = new Set([...units.values()].flatMap((u) => Object.keys(u.attributes)));
  for (const a of attributes) {
    if (!/^[a-z][a-z0-9_]*$/.test(a)) throw invalid(msg('export.not_attribute_name', { name: a }));
    if (!known.has(a)) throw invalid(msg('export.unknown_attribute', { name: a, year: round.registryYear }));
  }
  const vars = exportVariables(qn, attributes, options.districts === true);
  const responses = await exportResponses(
    store.db,
    options.year,
    round.registryYear,
    options.role,
    options.districts ? 'bydel' : 'kommune',
    options.includeInProgress === true,
  );
  const writer = datasetWriter(options.format, options.out, vars);
  const size = options.batchSize ?? 200;
  for (let i = 0; i < responses.length; i += size) {
    const batch = responses.slice(i, i + size);
    const answers = await answersOf(
      store.db,
      batch.map((r) => r.id),
    );
    const byResponse = new Map<number, ExportAnswerRow[]>();
    for (const a of answers) {
      const list = byResponse.get(a.responseId) ?? [];
      list.push(a);
      byResponse.set(a.responseId, list);
    }
    for (const r of batch) {
      await writer.add(exportRow(qn, r, attributes, units.get(r.unitNumber)?.attributes ?? {}, byResponse.get(r.id) ?? []));
    }
  }
  const files = await writer.finish();
  return { files, rows: responses.length, variables: vars.length };
}
