/**
 * HTTP for preparing a survey: a new round (copied from an earlier one or from a built-in
 * template), uploads of a year's registry (a stored year shows its changes first and applies them
 * with "Bruk endringene") and of the mapping between two divisions, and the groupings page with
 * its form for a new grouping by cut points.
 */
import type { Context, Hono } from 'hono';
import { builtinTemplates } from '../../questionnaire/template.ts';
import { importGroupings, listGroupings } from '../../registry/grouping.service.ts';
import { categories, classify, type Grouping, groupingSchema } from '../../registry/grouping.ts';
import { getRegistry, importMapping, registryYears, resolveMapping } from '../../registry/registry.service.ts';
import type { Unit } from '../../registry/registry.types.ts';
import { createRoundWithReport } from '../../report/round-copy.ts';
import { createRound, listRounds } from '../../round/round.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { say } from '../../shared/i18n/message.ts';
import { parseNumber } from '../../shared/numbers.ts';
import { issueMessage } from '../../shared/validation.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { form, isYear, userError } from './forms.ts';
import { type GroupingFormValues, groupingsPage } from './grouping.pages.ts';
import { registryImportRoutes } from './reimport.routes.ts';
import {
  type CreatedRoundView,
  importProblems,
  mappingImportedPage,
  type NamedUnit,
  type NewRoundValues,
  newRoundPage,
  type Problem,
  roundCreatedPage,
  uploadErrorPage,
} from './setup.pages.ts';

const namesOf = (units: readonly Unit[]) => new Map(units.map((u) => [u.number, u.name]));

async function registryOrEmpty(store: Store, year: number): Promise<Unit[]> {
  try {
    return await getRegistry(store, year);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return [];
    throw e;
  }
}

export function roundSetupRoutes(app: Hono<AdminEnv>, store: Store, clock: Clock): void {
  // -------------------------------------------------------------------------------------------
  // New round

  async function choices() {
    return {
      registryYears: (await registryYears(store)).map((y) => y.year).sort((a, b) => a - b),
      rounds: (await listRounds(store)).map((r) => r.year).sort((a, b) => a - b),
      templates: builtinTemplates(),
    };
  }

  app.get('/runder/ny', async (c) => {
    const ch = await choices();
    const newestRound = ch.rounds.at(-1);
    const newestRegistry = ch.registryYears.at(-1);
    const year = newestRound !== undefined ? newestRound + 1 : (newestRegistry ?? new Date(clock()).getFullYear());
    const values: NewRoundValues = {
      year: String(year),
      registryYear: String(ch.registryYears.includes(year) ? year : (newestRegistry ?? '')),
      basis: newestRound !== undefined ? `runde:${newestRound}` : `mal:${ch.templates[0] ?? ''}`,
    };
    return c.html(newRoundPage({ ...ch, values, problems: [] }, c.get('viewer')));
  });

  app.post('/runder/ny', async (c) => {
    const ch = await choices();
    const { fields } = await form(c);
    const values: NewRoundValues = { year: fields.ar ?? '', registryYear: fields.registerar ?? '', basis: fields.grunnlag ?? '' };
    const problems: Problem[] = [];
    const year = Number(values.year);
    if (!isYear(values.year)) problems.push({ field: 'ar', message: 'Skriv året med fire sifre, for eksempel 2020' });
    else if (ch.rounds.includes(year))
      problems.push({ field: 'ar', message: `Det finnes allerede en undersøkelse for ${year}. Velg et annet år.` });
    const registryYear = Number(values.registryYear);
    if (ch.registryYears.length === 0)
      problems.push({ field: 'registerar', message: 'Det finnes ikke noe register ennå. Importer registeret først.' });
    else if (!ch.registryYears.includes(registryYear))
      problems.push({
        field: 'registerar',
        message: `Det finnes ikke noe register for ${values.registryYear}. Velg et registerår som er importert.`,
      });
    const [kind, what = ''] = values.basis.split(':');
    const from = kind === 'runde' && ch.rounds.includes(Number(what)) ? Number(what) : undefined;
    const template = kind === 'mal' && ch.templates.includes(what) ? what : undefined;
    if (from === undefined && template === undefined) problems.push({ field: 'grunnlag', message: 'Velg hva undersøkelsen skal bygge på' });
    else if (from !== undefined && isYear(values.year) && year <= from)
      problems.push({ field: 'ar', message: `Undersøkelsen må komme etter den du kopierer (${from})` });
    const again = (list: Problem[]) => c.html(newRoundPage({ ...ch, values, problems: list }, c.get('viewer')), 422);
    if (problems.length > 0) return again(problems);

    try {
      if (from !== undefined) {
        const made = await createRoundWithReport(store, { year, from, registryYear, byUser: c.get('viewer').name }, clock());
        const source = (await listRounds(store)).find((r) => r.year === from);
        const before = namesOf(source ? await registryOrEmpty(store, source.registryYear) : []);
        const after = namesOf(await registryOrEmpty(store, registryYear));
        const named = (n: string, first: Map<string, string>, second: Map<string, string>): NamedUnit => ({
          number: n,
          name: first.get(n) ?? second.get(n) ?? '',
        });
        const merged = Object.entries(made.division.merged).map(([to, froms]) => ({
          into: named(to, after, before),
          from: froms.map((n) => named(n, before, after)),
        }));
        const view: CreatedRoundView = {
          round: made.round,
          units: made.units,
          basis: { from },
          division: {
            fromRegistryYear: source?.registryYear ?? from,
            added: made.division.added.map((n) => named(n, after, before)),
            gone: made.division.gone.map((n) => {
              const into = merged.find((m) => m.from.some((u) => u.number === n))?.into;
              return { ...named(n, before, after), ...(into ? { into } : {}) };
            }),
            merged,
          },
        };
        return c.html(roundCreatedPage(view, c.get('viewer')));
      }
      const made = await createRound(store, { year, template: template as string, registryYear }, clock());
      return c.html(roundCreatedPage({ round: made.round, units: made.units, basis: { template: template as string } }, c.get('viewer')));
    } catch (e) {
      if (!userError(e)) throw e;
      return again(e.texts('nb').map((message) => ({ field: '', message })));
    }
  });

  // -------------------------------------------------------------------------------------------
  // Registry uploads

  const yearsStored = async () => (await registryYears(store)).map((y) => y.year).sort((a, b) => a - b);

  registryImportRoutes(app, store, clock, yearsStored);

  app.post('/registry/kobling', async (c) => {
    const years = await yearsStored();
    const { fields, file } = await form(c);
    const values = { from: fields.fra ?? '', to: fields.til ?? '' };
    const from = Number(values.from);
    const to = Number(values.to);
    const problems: Problem[] = [];
    if (!years.includes(from)) problems.push({ field: 'kobling-fra', message: 'Velg et registerår som er importert' });
    if (!years.includes(to)) problems.push({ field: 'kobling-til', message: 'Velg et registerår som er importert' });
    else if (from === to) problems.push({ field: 'kobling-til', message: 'Velg to forskjellige år' });
    if (!file) problems.push({ field: 'kobling-fil', message: 'Velg en CSV-fil' });
    const fail = (fileProblems: string[], list: Problem[]) =>
      c.html(uploadErrorPage({ kind: 'kobling', fileProblems, problems: list, years, values }, c.get('viewer')), 422);
    if (problems.length > 0 || !file) return fail([], problems);
    try {
      const r = await importMapping(store, from, to, Buffer.from(await file.arrayBuffer()), file.name);
      const mapping = await resolveMapping(store, from, to);
      const before = namesOf(await getRegistry(store, from));
      const after = namesOf(await getRegistry(store, to));
      const old = (n: string) => ({ number: n, name: before.get(n) ?? '' });
      const neu = (n: string) => ({ number: n, name: after.get(n) ?? '' });
      const group = (key: (m: (typeof mapping)[number]) => string, other: (m: (typeof mapping)[number]) => string) => {
        const out = new Map<string, string[]>();
        for (const m of mapping) out.set(key(m), [...new Set([...(out.get(key(m)) ?? []), other(m)])]);
        return [...out].filter(([, list]) => list.length > 1);
      };
      return c.html(
        mappingImportedPage(
          {
            from,
            to,
            entries: r.entries,
            merged: group(
              (m) => m.toNumber,
              (m) => m.fromNumber,
            ).map(([n, list]) => ({ into: neu(n), from: list.map(old) })),
            split: group(
              (m) => m.fromNumber,
              (m) => m.toNumber,
            ).map(([n, list]) => ({ from: old(n), into: list.map(neu) })),
          },
          c.get('viewer'),
        ),
      );
    } catch (e) {
      if (!userError(e)) throw e;
      return fail(importProblems(e), []);
    }
  });

  // -------------------------------------------------------------------------------------------
  // Groupings

  async function groupings(c: Context<AdminEnv>, values: GroupingFormValues, problems: Problem[], status: 200 | 422 = 200) {
    const years = await yearsStored();
    const asked = Number(c.req.query('ar'));
    const year = years.includes(asked) ? asked : (years.at(-1) ?? null);
    const units = year === null ? [] : (await getRegistry(store, year)).filter((u) => u.kind === 'kommune');
    const attributes = [...new Set(units.flatMap((u) => Object.keys(u.attributes)))].sort();
    const added = c.req.query('lagt_til');
    const counted = (await listGroupings(store)).map(({ grouping, builtin }) => {
      const counts = new Map<number, number>();
      let missing = 0;
      for (const u of units) {
        const k = classify(grouping, u);
        if (k) counts.set(k.index, (counts.get(k.index) ?? 0) + 1);
        else missing++;
      }
      return {
        grouping,
        builtin,
        categories: categories(grouping, units).map((k) => ({ label: k.label, units: counts.get(k.index) ?? 0 })),
        missing,
      };
    });
    return c.html(
      groupingsPage(
        {
          year,
          years,
          municipalities: units.length,
          groupings: counted,
          attributes,
          ...(added ? { added } : {}),
          values: { ...values, attribute: values.attribute || (attributes[0] ?? '') },
          problems,
        },
        c.get('viewer'),
      ),
      status,
    );
  }

  app.get('/grupperinger', (c) => groupings(c, { key: '', label: '', attribute: '', cuts: '', labels: '' }, []));

  app.post('/grupperinger', async (c) => {
    const { fields } = await form(c);
    const values: GroupingFormValues = {
      key: fields.nokkel ?? '',
      label: fields.navn ?? '',
      attribute: fields.egenskap ?? '',
      cuts: fields.grenser ?? '',
      labels: fields.etiketter ?? '',
    };
    const { grouping, problems } = await checkGrouping(store, values, c.req.query('ar'));
    if (!grouping) return groupings(c, values, problems, 422);
    try {
      await importGroupings(store, JSON.stringify({ groupings: [grouping] }), 'skjemaet', clock());
    } catch (e) {
      if (!userError(e)) throw e;
      return groupings(
        c,
        values,
        e.texts('nb').map((message) => ({ field: '', message })),
        422,
      );
    }
    const year = c.req.query('ar');
    return c.redirect(
      `/grupperinger?${year && isYear(year) ? `ar=${year}&` : ''}lagt_til=${encodeURIComponent(grouping.key)}#g-${grouping.key}`,
      303,
    );
  });
}

const fieldOf: Record<string, string> = { key: 'nokkel', label: 'navn', attribute: 'egenskap', cuts: 'grenser', labels: 'etiketter' };

/** The form's grouping, checked by the groupings' own schema; or the problems by field. */
async function checkGrouping(
  store: Store,
  v: GroupingFormValues,
  yearAsked: string | undefined,
): Promise<{ grouping?: Grouping; problems: Problem[] }> {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };
  const rawCuts = v.cuts
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const cuts = rawCuts.map((s) => parseNumber(s));
  const bad = rawCuts.find((_, i) => cuts[i] === undefined);
  if (bad !== undefined) add('grenser', `«${bad}» er ikke et tall`);
  const labels = v.labels
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const existing = await listGroupings(store);
  if (existing.some((g) => g.grouping.key === v.key)) add('nokkel', `Det finnes allerede en gruppering med nøkkelen «${v.key}»`);
  const years = (await registryYears(store)).map((y) => y.year).sort((a, b) => a - b);
  const year = years.includes(Number(yearAsked)) ? Number(yearAsked) : years.at(-1);
  const attributes = new Set(year === undefined ? [] : (await getRegistry(store, year)).flatMap((u) => Object.keys(u.attributes)));
  if (!attributes.has(v.attribute)) add('egenskap', 'Velg en egenskap som finnes i registeret');

  const candidate = { key: v.key, kind: 'cuts', label: v.label, attribute: v.attribute, cuts: cuts.filter((n) => n !== undefined), labels };
  const r = groupingSchema.safeParse(candidate);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = fieldOf[String(issue.path[0])] ?? '';
      if (field === 'nokkel') add(field, 'Nøkkelen må begynne med en liten bokstav og kan bare ha små bokstaver (a–z), sifre og _');
      else if (field === 'navn') add(field, 'Skriv et navn');
      else if (field === 'egenskap') add(field, 'Velg en egenskap');
      else if (field === 'grenser') add(field, issue.path.length > 1 ? 'Grensene må øke fra venstre mot høyre' : 'Skriv minst én grense');
      else if (field === 'etiketter')
        add(
          field,
          `${candidate.cuts.length} grenser gir ${candidate.cuts.length + 1} klasser: skriv ${candidate.cuts.length + 1} etiketter, én per linje (du skrev ${labels.length})`,
        );
      else add('', say(issueMessage(issue), 'nb'));
    }
  }
  if (problems.length > 0 || !r.success) return { problems };
  return { grouping: r.data, problems };
}
