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
