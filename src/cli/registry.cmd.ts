/**
 * CLI: `registry …` and `groupings …`.
 */
import type { Command } from 'commander';
import { checkLevel, importGeometry } from '../registry/geometry.service.ts';
import { importGroupings, listGroupings } from '../registry/grouping.service.ts';
import { categories, classify } from '../registry/grouping.ts';
import { registryToCsv } from '../registry/registry.csv.ts';
import type { ReimportPlan } from '../registry/registry.diff.ts';
import {
  attachedText,
  getRegistry,
  importMapping,
  importRegistry,
  needsConfirmation,
  planRegistryImport,
  refusal,
  registryYears,
  resolveMapping,
  unitText,
} from '../registry/registry.service.ts';
import type { Unit } from '../registry/registry.types.ts';
import { conflict, invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { shorten } from '../shared/text.ts';
import { readInput, requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

export function unitJson(u: Unit) {
  return {
    number: u.number,
    name: u.name,
    county_number: u.countyNumber,
    county_name: u.countyName,
    kind: u.kind,
    parent_number: u.parentNumber,
    attributes: u.attributes,
  };
}

/** `12 new, 3 gone, 40 changed, 2 moved; round 2019: kommunedirektor +12 −1 renumbered 2` */
function planSummary(plan: ReimportPlan): string {
  const d = plan.diff;
  const rounds = plan.roundUnits.map(
    (c) =>
      `round ${c.round} ${c.role} +${c.added.length} -${c.removed.length}${c.renumbered.length > 0 ? ` renumbered ${c.renumbered.length}` : ''}`,
  );
  return (
    `changes: ${d.added.length} new, ${d.gone.length} gone, ${d.changed.length} changed, ${d.unchanged} unchanged, ${plan.moves.length} moved` +
    `${rounds.length > 0 ? `; ${rounds.join('; ')}` : ''}`
  );
}

/** The changes a re-import makes, in lists, for a person to read before --yes. */
function printPlan(plan: ReimportPlan, file: string): void {
  const d = plan.diff;
  const lines = [
    `registry ${plan.year}: ${d.stored} units stored, ${d.incoming} in ${file}${plan.rounds.length > 0 ? `; used by the round${plan.rounds.length === 1 ? '' : 's'} ${plan.rounds.join(', ')}` : ''}`,
    planSummary(plan),
  ];
  const list = (title: string, items: readonly string[]) => {
    if (items.length > 0) lines.push(`${title} (${items.length}):`, ...items.map((i) => `  ${i}`));
  };
  list('new units', d.added.map(unitText));
  list('gone units', d.gone.map(unitText));
  list(
    'changed units',
    d.changed.map(
      (c) =>
        `${c.number} ${c.name}: ${[
          ...c.fields.map((f) => `${f.field} ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`),
          ...c.attributes.map((a) => `${a.attribute} ${a.before ?? '(none)'} → ${a.after ?? '(none)'}`),
        ].join('; ')}`,
    ),
  );
  list('round units in neither the registry nor the file', plan.outsideRegistry);
  list(
    'moved (with --mapping)',
    plan.moves.map(
      (m) =>
        `${unitText(m.from)} → ${unitText(m.to)}${attachedText(m.attached) ? ` (${attachedText(m.attached)})` : ''}` +
        `${m.targetKeepsContact.length > 0 ? `; ${m.to.number} keeps its own contact as ${m.targetKeepsContact.join(', ')}` : ''}`,
    ),
  );
  list(
    'blocking: gone, with something in a round, and not in --mapping',
    plan.blocked.map((b) => `${unitText(b.unit)}: ${attachedText(b.attached)} (round ${b.rounds.join(', ')})`),
  );
  list(
    'refused moves: one unit would get two responses',
    plan.collisions.map(
      (c) =>
        `${c.from} → ${c.to}: ${c.other === c.to ? `${c.to} has its own` : `${c.other} moves there too with its`} response as ${c.role} in ${c.round}`,
    ),
  );
  list('gone with nothing attached', plan.dropped.map(unitText));
  for (const l of lines) say(l);
}

export function registryCommands(program: Command): void {
  const registry = program.command('registry').description('the registry of units and their statistics, per year');

  registry
    .command('import')
    .description(
      "import a year's units from CSV (all or nothing). A year that rounds use is replaced only with --yes: without it the changes are printed and nothing is stored",
    )
    .requiredOption('--year <year>', 'registry year')
    .option('--mapping <file>', 'CSV fra,til: where each unit that goes went (its links, responses, contacts and mail move along)')
    .option('--yes', 'apply a re-import of a year that rounds use')
    .option('--json', 'print the changes (and the result) as JSON')
    .option('--by <name>', 'who applies it (kept on contacts copied to a new number)', 'cli')
    .argument('<file>', 'CSV: kommunenummer,navn,fylkesnummer,fylkesnavn[,attribute…]')
    .action(async (file: string, opts: { year: string; mapping?: string; yes?: boolean; json?: boolean; by: string }) => {
      const year = requiredInt('year', opts.year);
      const { text, name } = readInput(file);
      const mapping = opts.mapping === undefined ? undefined : readInput(opts.mapping);
      const moves = mapping ? { text: mapping.text, file: mapping.name } : undefined;
      const r = await withStore(async (store) => {
        const plan = await planRegistryImport(store, year, text, name, moves);
        const refused = refusal(plan);
        if (refused || (needsConfirmation(plan) && !opts.yes)) {
          if (opts.json) printJson({ applied: false, ...plan });
          else printPlan(plan, name);
          if (refused) throw conflict(msg('cli.refused_mapping', { what: refused.problem }));
          throw conflict(msg('cli.needs_yes', { year, rounds: plan.rounds }));
        }
        return importRegistry(store, year, text, name, { confirm: true, by: opts.by, ...(moves ? { mapping: moves } : {}) });
      });
      if (opts.json) return printJson({ applied: true, ...r });
      say(
        `imported ${r.units} units for ${r.year} (${r.municipalities} municipalities, ${r.districts} districts, ${r.counties} counties; ` +
          `attributes: ${r.attributes.join(', ') || 'none'})${r.replaced > 0 ? `, replacing ${r.replaced}` : ''}`,
      );
      if (!r.plan.firstImport) say(planSummary(r.plan));
    });

  registry
    .command('show')
    .description("show a year's units with their attributes")
    .requiredOption('--year <year>', 'registry year')
    .option('--json', 'JSON output')
    .option('--csv', 'CSV output in the import format')
    .action(async (opts: { year: string; json?: boolean; csv?: boolean }) => {
      const year = requiredInt('year', opts.year);
      const units = await withStore((store) => getRegistry(store, year));
      if (opts.json) return printJson({ year, units: units.map(unitJson) });
      if (opts.csv) return void process.stdout.write(registryToCsv(units));
      const attrs = [...new Set(units.flatMap((u) => Object.keys(u.attributes)))].sort();
      printTable(
        ['nummer', 'navn', 'fylke', ...attrs],
        units.map((u) => [u.number, u.name, u.countyName, ...attrs.map((a) => u.attributes[a] ?? '')]),
      );
    });

  registry
    .command('list')
    .description('list the registry years in the store')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) => {
      const years = await withStore((store) => registryYears(store));
      if (opts.json) return printJson(years);
      printTable(
        ['year', 'units'],
        years.map((y) => [String(y.year), y.units]),
      );
    });

  registry
    .command('import-mapping')
    .description('import how units of one division continue in another (merges, splits)')
    .requiredOption('--from <year>', 'registry year of the old numbers')
    .requiredOption('--to <year>', 'registry year of the new numbers')
    .argument('<file>', 'CSV: fra_nummer,til_nummer[,andel]')
    .action(async (file: string, opts: { from: string; to: string }) => {
      const { text, name } = readInput(file);
      const from = requiredInt('from', opts.from);
      const to = requiredInt('to', opts.to);
      const r = await withStore((store) => importMapping(store, from, to, text, name));
      say(`imported ${r.entries} mapping rows ${from} → ${to}`);
    });

  registry
    .command('import-geometry')
    .description("import a year's shapes of counties, municipalities or city districts from GeoJSON (replaces that level; all or nothing)")
    .requiredOption('--year <year>', 'registry year')
    .requiredOption('--level <level>', 'fylke, kommune or bydel')
    .requiredOption('--id-field <field>', 'the feature property holding the number (e.g. kommune_no)')
    .option('--name-field <field>', "the feature property holding the name (default: the registry's names)")
    .option('--tolerance <km2>', 'simplification: drop points spanning less than this many km² (default: 8; bydel 0.005; 0 keeps all)')
    .option('--skip-unknown', 'leave out features whose number is not in the registry instead of failing')
    .option('--credit <text>', 'source line shown under maps, e.g. "Kartgrunnlag: Kartverket; befolkning: SSB"')
    .argument('<file>', 'GeoJSON FeatureCollection of Polygon/MultiPolygon features in longitude/latitude')
    .action(
      async (
        file: string,
        opts: {
          year: string;
          level: string;
          idField: string;
          nameField?: string;
          tolerance?: string;
          skipUnknown?: boolean;
          credit?: string;
        },
      ) => {
        const { text, name } = readInput(file);
        const year = requiredInt('year', opts.year);
        const level = checkLevel(opts.level);
        const tolerance = opts.tolerance === undefined ? undefined : Number(opts.tolerance.replace(',', '.'));
        if (tolerance !== undefined && !(Number.isFinite(tolerance) && tolerance >= 0)) {
          throw invalid(msg('cli.bad_tolerance', { value: shorten(opts.tolerance ?? '') }));
        }
        const r = await withStore((store) =>
          importGeometry(store, {
            year,
            level,
            source: text,
            fileName: name,
            idField: opts.idField,
            nameField: opts.nameField,
            tolerance,
            skipUnknown: opts.skipUnknown,
            ...(opts.credit ? { credit: opts.credit } : {}),
          }),
        );
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
        const missing = r.withoutShape.length;
        say(
          `imported ${r.matched} ${r.level} shapes for ${r.year}: ${r.features} features, ${r.matched} matched` +
            `${r.skipped > 0 ? `, ${r.skipped} skipped` : ''}` +
            `${missing > 0 ? `, ${missing} registry ${r.level} without shape (${r.withoutShape.slice(0, 5).join(', ')}${missing > 5 ? ', …' : ''})` : ''}` +
            `; ${kb(r.bytesBefore)} → ${kb(r.bytesAfter)} (tolerance ${r.tolerance} km²)${r.replaced > 0 ? `, replacing ${r.replaced}` : ''}`,
        );
      },
    );

  registry
    .command('show-mapping')
    .description('show how each unit of one year continues in another (imported rows plus unchanged numbers)')
    .requiredOption('--from <year>', 'old registry year')
    .requiredOption('--to <year>', 'new registry year')
    .option('--json', 'JSON output')
    .action(async (opts: { from: string; to: string; json?: boolean }) => {
      const rows = await withStore((store) => resolveMapping(store, requiredInt('from', opts.from), requiredInt('to', opts.to)));
      if (opts.json) return printJson(rows.map((r) => ({ from: r.fromNumber, to: r.toNumber, share: r.share })));
      printTable(
        ['fra', 'til', 'andel'],
        rows.map((r) => [r.fromNumber, r.toNumber, r.share ?? '']),
      );
    });

  const groupings = program.command('groupings').description('groupings of units (size classes, centrality, …)');
  groupings
    .command('list')
    .description('list the groupings with their categories')
    .option('--json', 'JSON output')
    .option('--year <year>', 'also count the units of this registry year per category')
    .action(async (opts: { json?: boolean; year?: string }) => {
      const { list, units } = await withStore(async (store) => ({
        list: await listGroupings(store),
        units: opts.year ? await getRegistry(store, requiredInt('year', opts.year)) : [],
      }));
      const municipalities = units.filter((u) => u.kind === 'kommune');
      const out = list.map(({ grouping, builtin }) => {
        const cats = categories(grouping, municipalities);
        const counts = new Map<number, number>();
        for (const u of municipalities) {
          const c = classify(grouping, u);
          if (c) counts.set(c.index, (counts.get(c.index) ?? 0) + 1);
        }
        return {
          key: grouping.key,
          label: grouping.label,
          kind: grouping.kind,
          attribute: grouping.kind === 'county' ? null : grouping.attribute,
          builtin,
          categories: cats.map((c) => (opts.year ? { label: c.label, units: counts.get(c.index) ?? 0 } : { label: c.label })),
          definition: grouping,
        };
      });
      if (opts.json) return printJson(out);
      for (const g of out) {
        const cats = g.categories.map((c) => ('units' in c ? `${c.label} (${c.units})` : c.label)).join(' | ');
        say(
          `${g.key}  ${g.label}${g.attribute ? ` [${g.attribute}]` : ''}${g.builtin ? '' : ' (from file)'}\n    ${cats || '(categories from the registry)'}`,
        );
      }
    });
  groupings
    .command('import')
    .description('add groupings from a YAML/JSON file (groupings: [...])')
    .argument('<file>')
    .action(async (file: string) => {
      const { text, name } = readInput(file);
      const added = await withStore((store) => importGroupings(store, text, name));
      say(`imported ${added.length} grouping${added.length === 1 ? '' : 's'}: ${added.map((g) => g.key).join(', ')}`);
    });
}
