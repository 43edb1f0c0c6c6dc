/**
 * Messages of the configuration (config/config.ts, and the store's connection settings): a
 * setting that does not validate, named by its environment variable.
 */
import type { TextTable } from './types.ts';

export const configTexts = {
  /** `what` names the setting: `configuration: PORT: …`. */
  'config.invalid': {
    nb: (p: { what: string }) => `oppsett: ${p.what}`,
    nn: (p: { what: string }) => `oppsett: ${p.what}`,
    en: (p: { what: string }) => `configuration: ${p.what}`,
  },
  'config.not_proxy': {
    nb: (p: { entry: string }) => `«${p.entry}» er ikke en adresse, et CIDR-område eller «loopback»`,
    nn: (p: { entry: string }) => `«${p.entry}» er ikkje ei adresse, eit CIDR-område eller «loopback»`,
    en: (p: { entry: string }) => `"${p.entry}" is not an address, a CIDR range or "loopback"`,
  },
  'config.schema_name': {
    nb: (p: { schema: string }) => `ugyldig skjemanavn: ${p.schema}`,
    nn: (p: { schema: string }) => `ugyldig skjemanamn: ${p.schema}`,
    en: (p: { schema: string }) => `invalid schema name: ${p.schema}`,
  },
} satisfies TextTable;
