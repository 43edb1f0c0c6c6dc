/**
 * Synthetic inputs for the benchmarks: a registry of any size (municipalities with districts so
 * that 100 000 units fit the 4/6-digit numbering) and a response CSV that answers every question
 * of a questionnaire, following its routing, with values varied by unit.
 */
import { optionsOf } from '../src/questionnaire/answer.ts';
import type { Question, Questionnaire } from '../src/questionnaire/model.ts';
import { csvLine } from '../src/shared/csv.ts';

export interface SyntheticRegistry {
  readonly csv: string;
  readonly numbers: string[];
}

/** `units` units: municipalities cc01…cc99 in counties 01…, each followed by up to 99 districts. */
export function syntheticRegistry(units: number): SyntheticRegistry {
  const perMunicipality = units > 9000 ? 99 : 0;
  const municipalities = Math.ceil(units / (perMunicipality + 1));
  const lines = [
    'kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;sentralitet;innvandrerandel;ar_med_bosetting;innvandrere;deltakere_intro;bosatt_mottak;bosatt_overforing',
  ];
  const numbers: string[] = [];
  for (let m = 0; m < municipalities && numbers.length < units; m++) {
    const county = String(1 + Math.floor(m / 99)).padStart(2, '0');
    const kommune = `${county}${String(1 + (m % 99)).padStart(2, '0')}`;
    const add = (number: string, name: string, i: number) => {
      const pop = 500 + ((i * 7919) % 90000);
      lines.push(
        `${number};${name};${county};Fylke ${county} Øst;${pop};${1 + (i % 6)};${(i % 300) / 10};${i % 6};${Math.round(pop / 10)};${1 + (i % 50)};${1 + (i % 7)};${1 + (i % 5)}`,
      );
      numbers.push(number);
    };
    add(kommune, `Kommune ${kommune} Å`, numbers.length);
    for (let d = 1; d <= perMunicipality && numbers.length < units; d++)
      add(`${kommune}${String(d).padStart(2, '0')}`, `Bydel ${kommune}-${d}`, numbers.length);
  }
  return { csv: `${lines.join('\r\n')}\r\n`, numbers };
}

function columnsOf(q: Question): string[] {
  if (q.type === 'matrix') return q.items.map((i) => `${q.key}.${i.key}`);
  const specify = optionsOf(q).some((o) => o.specify);
  return specify ? [q.key, `${q.key}.tekst`] : [q.key];
}

/** Cells for one question; follow-up parents are answered with their first code so follow-ups are asked. */
function cellsOf(q: Question, i: number): string[] {
  const codes = optionsOf(q).map((o) => o.code);
  const pick = (k: number) => String(codes[k % codes.length]);
  switch (q.type) {
    case 'single':
      return [String(codes[0])];
    case 'scale':
      return [pick(i)];
    case 'multi': {
      const options = optionsOf(q).filter((o) => !o.exclusive && !o.specify);
      const chosen = [options[i % options.length], options[(i + 1) % options.length]].filter((o, k, a) => o && a.indexOf(o) === k);
      const specify = optionsOf(q).find((o) => o.specify);
      const withText = specify && i % 10 === 0;
      return [
        [...chosen.map((o) => String(o?.code)), ...(withText ? [String(specify.code)] : [])].join(';'),
        ...(specify ? [withText ? 'Annet svar' : ''] : []),
      ];
    }
    case 'matrix':
      return q.items.map((_, k) => pick(i + k));
    case 'integer':
      return [String((q.min ?? 0) + (i % 20))];
    case 'text':
      return [`Rolle ${i % 13}`];
  }
}

export function syntheticResponses(qn: Questionnaire, numbers: readonly string[]): string {
  const lines = [csvLine(['kommunenummer', ...qn.questions.flatMap(columnsOf)], ';')];
  numbers.forEach((n, i) => {
    lines.push(csvLine([n, ...qn.questions.flatMap((q) => cellsOf(q, i))], ';'));
  });
  return `${lines.join('\n')}\n`;
}
