/**
 * Messages of backup and restore (src/store/backup.ts): what cannot be backed up, a file that is
 * not a backup of this kind of store, a target that holds data, and a tool that failed. A tool's
 * own report (`detail`) is quoted as the tool wrote it.
 */
import type { TextTable } from './types.ts';

type File = { file: string };
type Tool = { tool: string; detail: string };

export const backupTexts = {
  'backup.in_memory': {
    nb: () => 'en database i minnet (:memory:) kan ikke sikkerhetskopieres; bruk en SQLite-fil eller PostgreSQL',
    nn: () => 'ein database i minnet (:memory:) kan ikkje tryggleikskopierast; bruk ei SQLite-fil eller PostgreSQL',
    en: () => 'a store in memory (:memory:) cannot be backed up; use a SQLite file or PostgreSQL',
  },
  'backup.no_store': {
    nb: (p: File) => `${p.file} finnes ikke: det er ingen database å sikkerhetskopiere`,
    nn: (p: File) => `${p.file} finst ikkje: det er ingen database å tryggleikskopiere`,
    en: (p: File) => `${p.file} does not exist: there is no store to back up`,
  },
  'backup.tool_missing': {
    nb: (p: { tool: string }) => `${p.tool} finnes ikke på maskinen; installer PostgreSQL-klientverktøyene (Debian: postgresql-client)`,
    nn: (p: { tool: string }) => `${p.tool} finst ikkje på maskina; installer klientverktøya til PostgreSQL (Debian: postgresql-client)`,
    en: (p: { tool: string }) => `${p.tool} is not on this machine; install the PostgreSQL client tools (Debian: postgresql-client)`,
  },
  'backup.tool_failed': {
    nb: (p: Tool) => `${p.tool} feilet: ${p.detail}`,
    nn: (p: Tool) => `${p.tool} feila: ${p.detail}`,
    en: (p: Tool) => `${p.tool} failed: ${p.detail}`,
  },
  'backup.not_sqlite_backup': {
    nb: (p: File) => `${p.file} er ikke en sikkerhetskopi av en Kommunepuls-database i SQLite`,
    nn: (p: File) => `${p.file} er ikkje ein tryggleikskopi av ein Kommunepuls-database i SQLite`,
    en: (p: File) => `${p.file} is not a backup of a Kommunepuls SQLite store`,
  },
  'backup.not_postgres_backup': {
    nb: (p: File) => `${p.file} er ikke en sikkerhetskopi av en Kommunepuls-database i PostgreSQL (pg_dump, eget format)`,
    nn: (p: File) => `${p.file} er ikkje ein tryggleikskopi av ein Kommunepuls-database i PostgreSQL (pg_dump, eige format)`,
    en: (p: File) => `${p.file} is not a backup of a Kommunepuls PostgreSQL store (pg_dump, custom format)`,
  },
  'backup.newer': {
    nb: (p: { names: string }) =>
      `sikkerhetskopien er fra en nyere versjon av Kommunepuls (ukjente migreringer: ${p.names}); oppgrader først`,
    nn: (p: { names: string }) =>
      `tryggleikskopien er frå ein nyare versjon av Kommunepuls (ukjende migreringar: ${p.names}); oppgrader først`,
    en: (p: { names: string }) => `the backup is from a newer Kommunepuls (unknown migrations: ${p.names}); upgrade first`,
  },
  'backup.other_schema': {
    nb: (p: { found: string; expected: string }) =>
      `sikkerhetskopien er av skjemaet «${p.found}», men databasen bruker «${p.expected}»; sett ?schema=${p.found} i KOMMUNEPULS_DB`,
    nn: (p: { found: string; expected: string }) =>
      `tryggleikskopien er av skjemaet «${p.found}», men databasen bruker «${p.expected}»; set ?schema=${p.found} i KOMMUNEPULS_DB`,
    en: (p: { found: string; expected: string }) =>
      `the backup is of schema "${p.found}" but the store uses "${p.expected}"; set ?schema=${p.found} in KOMMUNEPULS_DB`,
  },
  'backup.target_has_data': {
    nb: (p: { where: string }) => `${p.where} har allerede data; stopp serveren og bruk --replace for å erstatte alt med sikkerhetskopien`,
    nn: (p: { where: string }) => `${p.where} har alt data; stopp tenaren og bruk --replace for å byte ut alt med tryggleikskopien`,
    en: (p: { where: string }) => `${p.where} already holds data; stop the server and use --replace to replace it all with the backup`,
  },
} satisfies TextTable;
