/**
 * Schema migrations, kept in code so they ship with the package and run by themselves on the
 * first use of an empty database. Only additive steps after a release: never edit one that ran.
 *
 * We run them with our own small runner instead of Kysely's Migrator: on PostgreSQL the Migrator
 * introspects every schema of the database to find its tables, which is slow with many schemas
 * and fails when another process drops a schema meanwhile (our isolated test schemas do).
 */
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from './dialect.ts';

interface Migration {
  up(db: AnyDb): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

function migration001(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('unit')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('county_number', 'text', (c) => c.notNull())
        .addColumn('county_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('parent_number', 'text')
        .addPrimaryKeyConstraint('unit_pk', ['year', 'number'])
        .execute();

      await db.schema
        .createTable('unit_attribute')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('attribute', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('unit_attribute_pk', ['year', 'attribute', 'number'])
        .execute();

      await db.schema
        .createTable('division_mapping')
        .addColumn('from_year', 'integer', (c) => c.notNull())
        .addColumn('from_number', 'text', (c) => c.notNull())
        .addColumn('to_year', 'integer', (c) => c.notNull())
        .addColumn('to_number', 'text', (c) => c.notNull())
        .addColumn('share', 'double precision')
        .addPrimaryKeyConstraint('division_mapping_pk', ['from_year', 'to_year', 'from_number', 'to_number'])
        .execute();

      await db.schema
        .createTable('grouping')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('round')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('registry_year', 'integer', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('opens_at', 'text', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('questionnaire')
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('questionnaire_pk', ['round_year', 'role'])
        .execute();

      await db.schema
        .createTable('round_unit')
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_number', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('round_unit_pk', ['round_year', 'role', 'unit_number'])
        .execute();

      await db.schema
        .createTable('response')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_number', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('response_unit_uq', ['round_year', 'role', 'unit_number'])
        .execute();

      await db.schema
        .createTable('answer')
        .addColumn('response_id', 'integer', (c) => c.notNull().references('response.id').onDelete('cascade'))
        .addColumn('question_key', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('code', 'integer')
        .addColumn('num', 'double precision')
        .addColumn('text', 'text')
        .execute();
      await db.schema.createIndex('answer_response_idx').on('answer').columns(['response_id', 'question_key']).execute();
      await db.schema.createIndex('answer_question_idx').on('answer').columns(['question_key', 'item_key', 'code']).execute();
    },
  };
}

/** Respondents' web forms: personal links, where each respondent is, drafts, server secrets. */
const migration002: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('access_token')
      .addColumn('token', 'text', (c) => c.primaryKey())
      .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('unit_number', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('access_token_unit_idx').on('access_token').columns(['round_year', 'role', 'unit_number']).execute();
    await db.schema.alterTable('response').addColumn('current_section', 'text').execute();
    await db.schema
      .createTable('form_draft')
      .addColumn('response_id', 'integer', (c) => c.notNull().references('response.id').onDelete('cascade'))
      .addColumn('section_key', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('form_draft_pk', ['response_id', 'section_key'])
      .execute();
    await db.schema
      .createTable('setting')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};

function migration003(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('app_user')
        .addColumn('id', idType, id)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema
        .createTable('app_session')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      // Contacts per unit and role; a change closes the old row (superseded_at) and adds a new one.
      await db.schema
        .createTable('contact')
        .addColumn('id', idType, id)
        .addColumn('unit_number', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('superseded_at', 'text')
        .execute();
      await db.schema.createIndex('contact_unit_idx').on('contact').columns(['unit_number', 'role', 'superseded_at']).execute();
      await db.schema
        .createTable('mail_template')
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mail_template_pk', ['round_year', 'role', 'kind'])
        .execute();
      // The outbox: deciding to send and the message are one row written in one transaction;
      // send_key makes the decision idempotent (a second run of the same schedule step adds nothing).
      await db.schema
        .createTable('outbox')
        .addColumn('id', idType, id)
        .addColumn('send_key', 'text', (c) => c.notNull().unique())
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_number', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'integer', (c) => c.notNull().references('contact.id'))
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('claimed_until', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_status_idx').on('outbox').columns(['status', 'id']).execute();
      await db.schema.createIndex('outbox_unit_idx').on('outbox').columns(['round_year', 'unit_number', 'role']).execute();
      await db.schema
        .createTable('followup')
        .addColumn('id', idType, id)
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_number', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('followup_unit_idx').on('followup').columns(['round_year', 'unit_number', 'role']).execute();
    },
  };
}

/**
 * Outreach: a round keeps its reminder days (from its template, as JSON `[7,14,21]`) so the
 * scheduler needs no template folder at send time. Null on rounds created before this step; the
 * round service then falls back to the built-in template of the same key.
 */
const migration004: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('round').addColumn('reminder_days', 'text').execute();
  },
};

/** Analysts' recodes of "annet, spesifiser" answers into existing options, kept apart from the answers. */
function migration005(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('answer_recode')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('response_id', 'integer', (c) => c.notNull().references('response.id').onDelete('cascade'))
        .addColumn('question_key', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('from_code', 'integer', (c) => c.notNull())
        .addColumn('to_code', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reverted_at', 'text')
        .addColumn('reverted_by', 'text')
        .execute();
      await db.schema.createIndex('answer_recode_response_idx').on('answer_recode').columns(['response_id', 'question_key']).execute();
    },
  };
}

/** Who changed a round's questionnaire, when, and what (wording or structure). */
function migration006(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('questionnaire_change')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/** A unit's attributes are read by year and number (every form page); the key leads with the attribute. */
const migration007: Migration = {
  async up(db: AnyDb) {
    await db.schema.createIndex('unit_attribute_unit_idx').on('unit_attribute').columns(['year', 'number']).execute();
  },
};

/**
 * Analysis counts read every answer row of one question (GROUP BY per code, item and group). The
 * index on (question_key, item_key, code) finds them but not their response_id, so each row cost a
 * lookup in the answer table (random reads over the largest table): with response_id beside them
 * the counts read the index alone (SQLite: covering index; PostgreSQL: index-only scan), and a
 * plan that starts from the responses can seek (question_key, response_id).
 */
const migration008: Migration = {
  async up(db: AnyDb) {
    await db.schema.createIndex('answer_analysis_idx').on('answer').columns(['question_key', 'response_id', 'item_key', 'code']).execute();
  },
};

/** Shapes per registry year and level (fylke, kommune, bydel) for maps: one simplified GeoJSON geometry each. */
const migration009: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('geometry')
      .addColumn('registry_year', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('geojson', 'text', (c) => c.notNull())
      .addColumn('credit', 'text')
      .addPrimaryKeyConstraint('geometry_pk', ['registry_year', 'level', 'code'])
      .execute();
  },
};

/** Report builds: progress while running, then the HTML page and the PDF (or why it failed). */
function migration010(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('report_build')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('progress_label', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('error', 'text')
        .addColumn('html', 'text')
        .addColumn('pdf', dialect === 'postgres' ? 'bytea' : 'blob')
        .addColumn('pdf_error', 'text')
        .execute();
      await db.schema.createIndex('report_build_round_idx').on('report_build').columns(['round_year', 'id']).execute();
    },
  };
}

/**
 * Answers that cannot contradict: one row per (response, question, item, slot), where `slot` is
 * the chosen code for a multiple-choice question (one row per chosen option) and 0 for every
 * other kind (one code, one number or one text). A second answer to a single-choice question or
 * a matrix item is then impossible in the store itself, whatever the code above it does.
 *
 * Existing rows get their slot from the stored questionnaires; duplicates left by concurrent saves
 * before this step are reduced to the row written last (the highest rowid/ctid of its key), since
 * "last save wins" is the rule the form service now enforces.
 */
function migration011(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('answer')
        .addColumn('slot', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      const stored = await sql<{ round_year: number; role: string; definition: string }>`
        select round_year, role, definition from questionnaire`.execute(db);
      for (const q of stored.rows) {
        const multi = multiChoiceKeys(q.definition);
        if (multi.length === 0) continue;
        await sql`update answer set slot = code
          where code is not null and question_key in (${sql.join(multi)})
            and response_id in (select id from response where round_year = ${q.round_year} and role = ${q.role})`.execute(db);
      }
      const row = dialect === 'postgres' ? sql.raw('ctid') : sql.raw('rowid');
      await sql`delete from answer where ${row} not in (
          select max(${row}) from answer group by response_id, question_key, item_key, slot)`.execute(db);
      await db.schema.dropIndex('answer_response_idx').execute();
      await db.schema
        .createIndex('answer_slot_uq')
        .on('answer')
        .columns(['response_id', 'question_key', 'item_key', 'slot'])
        .unique()
        .execute();
    },
  };
}

/** Keys of the multiple-choice questions in a stored questionnaire definition (JSON). */
function multiChoiceKeys(definition: string): string[] {
  const parsed = JSON.parse(definition) as { questions?: { key?: unknown; type?: unknown }[] };
  return (parsed.questions ?? []).filter((q) => q.type === 'multi' && typeof q.key === 'string').map((q) => q.key as string);
}

/**
 * Paradata: when a respondent was shown a page of the form and when it was saved (or refused as
 * invalid, or the form submitted), so the team can see where respondents stop and how long a page
 * takes, from the server's own requests (no tracking script). Keyed like the response (round,
 * role, unit): a page is shown before a response exists.
 */
function migration012(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('form_event')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_number', 'text', (c) => c.notNull())
        .addColumn('section_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('form_event_unit_idx').on('form_event').columns(['round_year', 'role', 'unit_number', 'at']).execute();
    },
  };
}

/**
 * A round's report definition, kept with the round: every save is a new row (who, when, why), the
 * newest one is what the round's report is built from, and older ones stay to be viewed or restored.
 */
function migration013(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('report_definition')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('round_year', 'integer', (c) => c.notNull().references('round.year').onDelete('cascade'))
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('report_definition_round_idx').on('report_definition').columns(['round_year', 'id']).execute();
    },
  };
}

/** Report builds keep the Word document beside the page and the PDF (or why there is none). */
function migration014(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('report_build')
        .addColumn('docx', dialect === 'postgres' ? 'bytea' : 'blob')
        .execute();
      await db.schema.alterTable('report_build').addColumn('docx_error', 'text').execute();
    },
  };
}

function migrations(dialect: Dialect): [string, Migration][] {
  return [
    ['001_foundation', migration001(dialect)],
    ['002_web_forms', migration002],
    ['003_workplace', migration003(dialect)],
    ['004_round_reminders', migration004],
    ['005_recodes', migration005(dialect)],
    ['006_questionnaire_changes', migration006(dialect)],
    ['007_unit_attribute_index', migration007],
    ['008_answer_analysis_index', migration008],
    ['009_geometry', migration009],
    ['010_report_build', migration010(dialect)],
    ['011_answer_slot', migration011(dialect)],
    ['012_form_event', migration012(dialect)],
    ['013_report_definition', migration013(dialect)],
    ['014_report_docx', migration014(dialect)],
  ];
}

/** The names of every migration this version knows, in order (a restore refuses newer backups). */
export function migrationNames(dialect: Dialect): string[] {
  return migrations(dialect).map(([name]) => name);
}

/**
 * Applies the migrations not yet applied, in order, in one transaction (`until`: stop after that
 * one, for tests of a later step on data written before it). On PostgreSQL an advisory
 * lock per schema makes concurrent starts wait for each other; DDL is transactional there, so a
 * failed migration leaves nothing behind.
 */
export async function migrate(db: AnyDb, dialect: Dialect, options: { until?: string } = {}): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(current_schema()))`.execute(trx);
    await sql`create table if not exists kp_migration (name text primary key, applied_at text not null)`.execute(trx);
    const done = new Set((await sql<{ name: string }>`select name from kp_migration`.execute(trx)).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const [name, m] of migrations(dialect)) {
      if (done.has(name)) continue;
      await m.up(trx);
      await sql`insert into kp_migration (name, applied_at) values (${name}, ${new Date().toISOString()})`.execute(trx);
      applied.push(name);
      if (name === options.until) break;
    }
    return applied;
  });
}
