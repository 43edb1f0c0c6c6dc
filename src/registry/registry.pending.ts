/**
 * A registry upload on the web waits between "see the changes" and "Bruk endringene": the file
 * (and the moves file, once given) is kept server-side under a random id with its SHA-256, so the
 * button applies exactly the file whose changes were shown. A re-upload is not trusted, and the
 * file never makes a round trip through the browser (a hidden field would carry a whole registry
 * and need a signing key). The button also carries the plan's fingerprint: if the store changed
 * meanwhile (a response to a unit that goes, another import), applying refuses.
 */
import { createHash, randomBytes } from 'node:crypto';
import { conflict, notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import type { ReimportPlan } from './registry.diff.ts';
import * as repo from './registry.repository.ts';
import { importRegistry, planRegistryImport, type RegistryImportResult } from './registry.service.ts';

/** How long an upload waits for its button before it is cleared away. */
const keepHours = 24;

interface StoredFile {
  readonly file: string;
  /** The bytes as uploaded, base64. */
  readonly data: string;
}

interface Pending {
  readonly year: number;
  readonly registry: StoredFile;
  readonly sha256: string;
  readonly mapping: StoredFile | null;
  readonly by: string;
  readonly at: string;
}

export interface PendingUpload {
  readonly id: string;
  readonly year: number;
  readonly file: string;
  readonly sha256: string;
  readonly mappingFile: string | null;
  readonly plan: ReimportPlan;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const bytes = (f: StoredFile) => Buffer.from(f.data, 'base64');
const toStored = (text: string | Buffer, file: string): StoredFile => ({
  file,
  data: (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64'),
});

async function load(store: Store, id: string, by: string): Promise<Pending> {
  const raw = /^[A-Za-z0-9_-]{22}$/.test(id) ? await repo.findPendingUpload(store.db, id) : undefined;
  const p = raw === undefined ? undefined : (JSON.parse(raw) as Pending);
  if (!p || p.by !== by) throw notFound(msg('registry.upload_gone'));
  return p;
}

async function view(store: Store, id: string, p: Pending): Promise<PendingUpload> {
  const mapping = p.mapping ? { text: bytes(p.mapping), file: p.mapping.file } : undefined;
  const plan = await planRegistryImport(store, p.year, bytes(p.registry), p.registry.file, mapping);
  return { id, year: p.year, file: p.registry.file, sha256: p.sha256, mappingFile: p.mapping?.file ?? null, plan };
}

/** Checks an upload (the file must read, and so must a moves file) and keeps it for its button. */
export async function stageRegistryImport(
  store: Store,
  input: {
    year: number;
    text: string | Buffer;
    file: string;
    mapping?: { text: string | Buffer; file: string };
    by: string;
    now?: Date;
  },
): Promise<PendingUpload> {
  const now = input.now ?? new Date();
  await planRegistryImport(store, input.year, input.text, input.file, input.mapping);
  const registry = toStored(input.text, input.file);
  const pending: Pending = {
    year: input.year,
    registry,
    sha256: sha256(bytes(registry)),
    mapping: input.mapping ? toStored(input.mapping.text, input.mapping.file) : null,
    by: input.by,
    at: now.toISOString(),
  };
  const id = randomBytes(16).toString('base64url');
  const old = new Date(now.getTime() - keepHours * 3_600_000).toISOString();
  for (const p of await repo.listPendingUploads(store.db)) {
    const at = (JSON.parse(p.value) as Partial<Pending>).at;
    if (typeof at !== 'string' || at < old) await repo.deletePendingUpload(store.db, p.id);
  }
  await repo.savePendingUpload(store.db, id, JSON.stringify(pending));
  return view(store, id, pending);
}

/** The upload with its plan made afresh against what is stored now. */
export async function pendingRegistryImport(store: Store, id: string, by: string): Promise<PendingUpload> {
  return view(store, id, await load(store, id, by));
}

/** Adds (or replaces) the moves file of a waiting upload; a file that does not read is not kept. */
export async function addPendingMapping(store: Store, id: string, by: string, text: string | Buffer, file: string): Promise<PendingUpload> {
  const p = await load(store, id, by);
  await planRegistryImport(store, p.year, bytes(p.registry), p.registry.file, { text, file });
  const next: Pending = { ...p, mapping: toStored(text, file) };
  await repo.savePendingUpload(store.db, id, JSON.stringify(next));
  return view(store, id, next);
}

/**
 * Applies a waiting upload: only the file with this SHA-256, only while the plan still has this
 * fingerprint. The upload is cleared once applied.
 */
export async function applyPendingRegistryImport(
  store: Store,
  id: string,
  input: { by: string; sha256: string; fingerprint: string; now?: Date },
): Promise<RegistryImportResult> {
  const p = await load(store, id, input.by);
  if (input.sha256 !== p.sha256 || sha256(bytes(p.registry)) !== p.sha256) {
    throw conflict(msg('registry.upload_differs'));
  }
  const result = await importRegistry(store, p.year, bytes(p.registry), p.registry.file, {
    confirm: true,
    expect: input.fingerprint,
    by: input.by,
    ...(p.mapping ? { mapping: { text: bytes(p.mapping), file: p.mapping.file } } : {}),
    ...(input.now ? { now: input.now } : {}),
  });
  await repo.deletePendingUpload(store.db, id);
  return result;
}
