/**
 * Names the survey team's pages show for codes (bokmål).
 */
import type { Role } from '../questionnaire/model.ts';

export const roleNames: Record<Role, string> = {
  kommunedirektor: 'Kommunedirektør',
  integreringsansvarlig: 'Integreringsansvarlig',
  skolesjef: 'Skolesjef',
};

export const roleName = (role: string): string => roleNames[role as Role] ?? role;

/** Registry attributes of the 2019 report by name (unit pages, the questionnaire editor's conditions). */
export const attributeNames: Record<string, string> = {
  folketall: 'Folketall',
  innvandrere: 'Innvandrere',
  innvandrerandel: 'Innvandrerandel (%)',
  sentralitet: 'Sentralitet',
  ar_med_bosetting: 'År med bosetting',
  deltakere_intro: 'Deltakere i introduksjonsprogrammet',
  bosatt_mottak: 'Bosatt fra mottak',
  bosatt_overforing: 'Bosatte overføringsflyktninger',
};
