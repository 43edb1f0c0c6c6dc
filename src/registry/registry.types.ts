/**
 * Domain types of the registry: units (municipalities and city districts) of one year's division,
 * with named numeric attributes from public statistics.
 */

export type UnitKind = 'kommune' | 'bydel';

export interface Unit {
  readonly number: string;
  readonly name: string;
  readonly countyNumber: string;
  readonly countyName: string;
  readonly kind: UnitKind;
  /** For a city district: its municipality's number. */
  readonly parentNumber: string | null;
  /** Attribute values of this year; a missing value is absent. */
  readonly attributes: Readonly<Record<string, number>>;
}

/** The attributes the 2019 report uses; a registry may hold others too. */
export const reportAttributes = [
  'folketall',
  'sentralitet',
  'innvandrerandel',
  'ar_med_bosetting',
  'innvandrere',
  'deltakere_intro',
  'bosatt_mottak',
  'bosatt_overforing',
] as const;

/**
 * Roles in which a city district answers as a unit of its own (SPEC §1); the other roles ask the
 * municipalities only. Rounds take their units by this rule, and so do re-imports of their registry.
 */
export const districtRoles: readonly string[] = ['kommunedirektor', 'integreringsansvarlig'];

export interface MappingEntry {
  readonly fromNumber: string;
  readonly toNumber: string;
  readonly share: number | null;
}
