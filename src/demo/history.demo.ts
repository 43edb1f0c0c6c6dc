/**
 * The demo's earlier rounds, 2015–2018, so the trend of figure 5 can be drawn from the demo: each
 * on its own registry year, with a questionnaire cut from the 2019 template down to the questions
 * asked every year from 2015 (and the respondent's role), without the options 2019 added.
 *
 * Figure 5 of the 2019 report (share of municipalities with guidelines for using and ordering an
 * interpreter, with or without the National Register of Interpreters, "Vet ikke" left out) is a
 * chart whose points the text does not give. What it does give: in 2019 one in four has guidelines
 * with the register, about as many without, 28 % "vet ikke" (figure 4), so 50 of 72, 69 %, without
 * "Vet ikke"; and the share "has held steady since 2017". The earlier years below rise to that
 * level by 2017 and stay there: the shape of the figure, the points approximate.
 */
import type { Questionnaire, Role, TextInput } from '../questionnaire/model.ts';
import { parseQuestionnaire } from '../questionnaire/validate.ts';

/** The demo's rounds before the 2019 one. */
export const earlierYears = [2015, 2016, 2017, 2018] as const;

/** Questions asked in every round from 2015 on, by role (with `rolle`, which every form asks). */
export const trendQuestions: Readonly<Partial<Record<Role, readonly string[]>>> = {
  kommunedirektor: ['rolle', 'tolk_retningslinjer'],
};

/** Options a question got in 2019, which earlier rounds did not have. */
const newIn2019: Readonly<Record<string, readonly number[]>> = { tolk_retningslinjer: [9] };

type Shares = readonly (readonly [code: number, share: number])[];

/**
 * `tolk_retningslinjer` per year among submitting municipalities: 1 "Ja, der Nasjonalt
 * tolkeregister inngår", 2 "Ja, men uten …", 3 "Nei", 9 "Vet ikke" (2019 only). Without "Vet
 * ikke" the share of 1 or 2 is about 46, 57, 68, 67 and 69 %.
 */
export const interpreterGuidelines: Readonly<Record<number, Shares>> = {
  2015: [
    [1, 0.2],
    [2, 0.26],
    [3, 0.54],
  ],
  2016: [
    [1, 0.25],
    [2, 0.32],
    [3, 0.43],
  ],
  2017: [
    [1, 0.33],
    [2, 0.35],
    [3, 0.32],
  ],
  2018: [
    [1, 0.33],
    [2, 0.34],
    [3, 0.33],
  ],
  2019: [
    [1, 0.25],
    [2, 0.25],
    [3, 0.22],
    [9, 0.28],
  ],
};

/** Fixed answer shares of a round's questions for a role (for simulateResponses). */
export function trendShares(year: number, role: Role): Record<string, Shares> {
  const shares = interpreterGuidelines[year];
  return role === 'kommunedirektor' && shares ? { tolk_retningslinjer: shares } : {};
}

/**
 * Share of the municipal directors that submitted in the earlier rounds: about half, a little
 * lower each year towards 2019's 41 %. The capital's districts: about half too.
 */
export const earlierRates: Readonly<Record<number, { readonly kommune: number; readonly bydel: number }>> = {
  2015: { kommune: 0.52, bydel: 8 / 15 },
  2016: { kommune: 0.5, bydel: 7 / 15 },
  2017: { kommune: 0.48, bydel: 8 / 15 },
  2018: { kommune: 0.46, bydel: 7 / 15 },
};

function shiftYear(t: TextInput, from: number, to: number): TextInput {
  const re = new RegExp(`\\b${from}\\b`, 'g');
  if (typeof t === 'string') return t.replace(re, String(to));
  return Object.fromEntries(Object.entries(t).map(([lang, s]) => [lang, s.replace(re, String(to))])) as TextInput;
}

/**
 * The questionnaire of an earlier round for a role: the 2019 one (`source`, of `sourceYear`) with
 * only the trend questions, without the options added in 2019, only the sections those use, and
 * the year in its introduction changed. Checked with the questionnaire model; null when the role
 * has no trend question.
 */
export function earlierQuestionnaire(source: Questionnaire, sourceYear: number, year: number): Questionnaire | null {
  const keep = trendQuestions[source.role];
  if (!keep) return null;
  const questions = source.questions
    .filter((q) => keep.includes(q.key))
    .map((q) => {
      const drop = newIn2019[q.key];
      if (!drop || (q.type !== 'single' && q.type !== 'multi')) return q;
      return { ...q, options: q.options.filter((o) => !drop.includes(o.code)) };
    });
  const used = new Set(questions.map((q) => q.section ?? source.sections[0]?.key));
  return parseQuestionnaire(
    {
      ...source,
      ...(source.intro ? { intro: shiftYear(source.intro, sourceYear, year) } : {}),
      sections: source.sections.filter((s) => used.has(s.key)),
      questions,
    },
    `${source.role} ${year}`,
  );
}
