/**
 * Messages of the survey team's logins (auth/): an e-mail address or a password that cannot be
 * used for an account.
 */
import type { TextTable } from './types.ts';

export const authTexts = {
  'auth.not_email': {
    nb: (p: { value: string }) => `«${p.value}» er ikke en e-postadresse`,
    nn: (p: { value: string }) => `«${p.value}» er ikkje ei e-postadresse`,
    en: (p: { value: string }) => `"${p.value}" is not an e-mail address`,
  },
  'auth.password_short': {
    nb: (p: { min: number }) => `passordet må ha minst ${p.min} tegn`,
    nn: (p: { min: number }) => `passordet må ha minst ${p.min} teikn`,
    en: (p: { min: number }) => `the password must have at least ${p.min} characters`,
  },
  'auth.password_long': {
    nb: (p: { max: number }) => `passordet kan ha høyst ${p.max} tegn`,
    nn: (p: { max: number }) => `passordet kan ha høgst ${p.max} teikn`,
    en: (p: { max: number }) => `the password can have at most ${p.max} characters`,
  },
} satisfies TextTable;
