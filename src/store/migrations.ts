/**
 * Schema migrations, kept in code so they ship with the package and run by themselves on the
 * first use of an empty database. Only additive steps after a release: never edit one that ran.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import type { Dialect } from './store.ts';

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
    async down(db: AnyDb) {
      for (const t of [
        'answer',
        'response',
        'round_unit',
        'questionnaire',
        'round',
        'grouping',
        'division_mapping',
        'unit_attribute',
        'unit',
      ]) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return { '001_foundation': migration001(dialect) };
    },
  };
}

/** Used by tests to make sure a dialect's connection works at all. */
export async function ping(db: AnyDb): Promise<void> {
  await sql`select 1`.execute(db);
}
