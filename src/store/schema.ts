/**
 * Row types of every table, as Kysely sees them. Rows stay inside repositories; services return
 * domain types. Timestamps are ISO-8601 strings in UTC (the same text on SQLite and PostgreSQL);
 * booleans are not used in tables because SQLite has none.
 */
import type { Generated } from 'kysely';

export interface UnitTable {
  year: number;
  number: string;
  name: string;
  county_number: string;
  county_name: string;
  kind: 'kommune' | 'bydel';
  parent_number: string | null;
}

export interface UnitAttributeTable {
  year: number;
  number: string;
  attribute: string;
  value: number;
}

export interface DivisionMappingTable {
  from_year: number;
  from_number: string;
  to_year: number;
  to_number: string;
  /** Share of the old unit that went to the new one (splits); null when the whole unit moved. */
  share: number | null;
}

export interface GroupingTable {
  key: string;
  definition: string;
  created_at: string;
}

export interface RoundTable {
  year: number;
  registry_year: number;
  template: string;
  opens_at: string;
  closes_at: string;
  created_at: string;
  /** Days after opening on which reminders go out, as JSON (`[7,14,21]`); null before migration 004. */
  reminder_days: string | null;
}

export interface QuestionnaireTable {
  round_year: number;
  role: string;
  definition: string;
}

export interface RoundUnitTable {
  round_year: number;
  role: string;
  unit_number: string;
}

export interface ResponseTable {
  id: Generated<number>;
  round_year: number;
  role: string;
  unit_number: string;
  status: 'not_started' | 'in_progress' | 'submitted';
  source: 'web' | 'import';
  started_at: string | null;
  submitted_at: string | null;
  updated_at: string;
  /** Web form: the section the respondent was last on (resume there). */
  current_section: string | null;
}

/**
 * One row per answered value: a single choice is one row with `code`; a multiple choice is one
 * row per chosen code; a matrix has `item_key` set; integers go in `num`, free text and "annet,
 * spesifiser" text in `text`. This long shape is what lets analysis count with GROUP BY.
 */
export interface AnswerTable {
  response_id: number;
  question_key: string;
  item_key: string;
  code: number | null;
  num: number | null;
  text: string | null;
  /**
   * The chosen code for a multiple-choice question, 0 otherwise: (response_id, question_key,
   * item_key, slot) is unique, so a single choice, a matrix item, a number or a text has one row.
   */
  slot: number;
}

/** A personal link: a random token that opens one unit's questionnaire in one round and role. */
export interface AccessTokenTable {
  token: string;
  round_year: number;
  role: string;
  unit_number: string;
  created_at: string;
  revoked_at: string | null;
}

/** What a respondent typed on a page that did not validate yet, kept so nothing is lost. */
export interface FormDraftTable {
  response_id: number;
  section_key: string;
  data: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** A member of the survey team: admin (runs the survey) or analyst (reads only). */
export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: 'admin' | 'analyst';
  /** scrypt$N$r$p$salt$hash (base64url) */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

/** A login session; only the SHA-256 of the cookie's random id is stored. */
export interface AppSessionTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface ContactTable {
  id: Generated<number>;
  unit_number: string;
  role: string;
  name: string;
  email: string;
  phone: string | null;
  created_at: string;
  created_by: string;
  /** Set when a newer contact replaced this one (history is kept). */
  superseded_at: string | null;
}

export interface MailTemplateTable {
  round_year: number;
  role: string;
  kind: 'invitation' | 'reminder';
  subject: string;
  body: string;
  updated_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  send_key: string;
  round_year: number;
  role: string;
  unit_number: string;
  kind: 'invitation' | 'reminder' | 'manual';
  contact_id: number;
  to_address: string;
  subject: string;
  body: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  /** A worker holds the message until then; after it, another worker may take it over. */
  claimed_until: string | null;
  sent_at: string | null;
  created_by: string;
}

export interface FollowupTable {
  id: Generated<number>;
  round_year: number;
  role: string;
  unit_number: string;
  at: string;
  by_user: string;
  channel: 'phone' | 'email' | 'other';
  outcome: string;
  note: string;
}

/** An analyst's recode of one "annet, spesifiser" answer into an existing option; reverted, not deleted. */
export interface AnswerRecodeTable {
  id: Generated<number>;
  response_id: number;
  question_key: string;
  item_key: string;
  from_code: number;
  to_code: number;
  /** The text as it was when recoded. */
  text: string;
  by_user: string;
  at: string;
  reverted_at: string | null;
  reverted_by: string | null;
}

/** One saved edit of a round's questionnaire: the list of changes as JSON. */
export interface QuestionnaireChangeTable {
  id: Generated<number>;
  round_year: number;
  role: string;
  at: string;
  by_user: string;
  changes: string;
}

/** One shape of a registry year's division: a county, a municipality or a city district. */
export interface GeometryTable {
  registry_year: number;
  level: 'fylke' | 'kommune' | 'bydel';
  code: string;
  name: string | null;
  /** A GeoJSON Polygon or MultiPolygon, simplified, coordinates rounded to 4 decimals. */
  geojson: string;
  /** Where the shapes come from, shown under a map ("Kartgrunnlag: Kartverket"). */
  credit: string | null;
}

/** One build of a round's report (see src/report/report.service.ts). */
export interface ReportBuildTable {
  id: Generated<number>;
  round_year: number;
  definition: string;
  status: 'running' | 'done' | 'failed';
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  progress_label: Generated<string>;
  by_user: string;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  error: string | null;
  html: string | null;
  pdf: Buffer | null;
  pdf_error: string | null;
  /** The Word document (migration 014). */
  docx: Buffer | null;
  docx_error: string | null;
}

/**
 * Paradata: a page of the form shown to a respondent, saved, refused as invalid, or the form
 * submitted (`section_key` '' for a submit), in UTC.
 */
export interface FormEventTable {
  id: Generated<number>;
  round_year: number;
  role: string;
  unit_number: string;
  section_key: string;
  kind: 'shown' | 'saved' | 'invalid' | 'submitted';
  at: string;
}

/** One saved version of a round's report definition (JSON); the highest id of a round is its current one. */
export interface ReportDefinitionTable {
  id: Generated<number>;
  round_year: number;
  definition: string;
  by_user: string;
  at: string;
  /** Why this version exists when it was not an edit ("Kopiert fra 2019 …", "Gjenopprettet fra versjon 2"). */
  note: string | null;
}

export interface Database {
  form_event: FormEventTable;
  report_build: ReportBuildTable;
  report_definition: ReportDefinitionTable;
  geometry: GeometryTable;
  questionnaire_change: QuestionnaireChangeTable;
  answer_recode: AnswerRecodeTable;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  contact: ContactTable;
  mail_template: MailTemplateTable;
  outbox: OutboxTable;
  followup: FollowupTable;
  access_token: AccessTokenTable;
  form_draft: FormDraftTable;
  setting: SettingTable;
  unit: UnitTable;
  unit_attribute: UnitAttributeTable;
  division_mapping: DivisionMappingTable;
  grouping: GroupingTable;
  round: RoundTable;
  questionnaire: QuestionnaireTable;
  round_unit: RoundUnitTable;
  response: ResponseTable;
  answer: AnswerTable;
}
