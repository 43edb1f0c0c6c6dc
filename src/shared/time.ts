/**
 * Time: stored in UTC (ISO-8601), shown in Europe/Oslo. Collection windows are given as Oslo
 * calendar dates: a window opens at 00:00 on its first day and closes at 24:00 on its last.
 */

export const osloZone = 'Europe/Oslo';

// Building an Intl.DateTimeFormat costs ~0.3 ms; every page shows dates, so they are made once.
const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: osloZone, ...options });
    formats.set(key, f);
  }
  return f;
}

/** Offset of Europe/Oslo from UTC in minutes at the given instant (60 in winter, 120 in summer). */
export function osloOffsetMinutes(at: Date): number {
  const parts = format('en-US', {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The UTC instant of 00:00 in Oslo on `date` (YYYY-MM-DD). */
export function osloMidnightUtc(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const guess = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (guess.toISOString().slice(0, 10) !== date) throw new Error(`not a date: ${date}`);
  // Two passes settle the offset also on the days the clocks change.
  let t = guess.getTime() - osloOffsetMinutes(guess) * 60000;
  t = guess.getTime() - osloOffsetMinutes(new Date(t)) * 60000;
  return new Date(t);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Shifts a YYYY-MM-DD date by whole years (29 February becomes 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The Oslo calendar date (YYYY-MM-DD) of an instant. */
export function osloDate(at: Date): string {
  return format('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** "3. januar 2020" (or in the given locale, e.g. en-GB) */
export function formatOsloDate(at: Date, locale = 'nb-NO'): string {
  return format(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** "03.01.2020 14:05" */
export function formatOsloDateTime(at: Date, locale = 'nb-NO'): string {
  return format(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(at)
    .replace(',', '');
}
