/**
 * CLI: `registry …` and `groupings …`.
 */
import type { Command } from 'commander';
import { checkLevel, importGeometry } from '../registry/geometry.service.ts';
import { importGroupings, listGroupings } from '../registry/grouping.service.ts';
import { categories, classify } from '../registry/grouping.ts';
import { registryToCsv } from '../registry/registry.csv.ts';
import { getRegistry, importMapping, importRegistry, registryYears, resolveMapping } from '../registry/registry.service.ts';
import type { Unit } from '../registry/registry.types.ts';
import { invalid } from '../shared/errors.ts';
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

export function registryCommands(program: Command): void {
  const registry = program.command('registry').description('the registry of units and their statistics, per year');

  registry
    .command('import')
    .description("import a year's units from CSV (replaces that year; all or nothing)")
    .requiredOption('--year <year>', 'registry year')
    .argument('<file>', 'CSV: kommunenummer,navn,fylkesnummer,fylkesnavn[,attribute…]')
    .action(async (file: string, opts: { year: string }) => {
      const { text, name } = readInput(file);
      const r = await withStore((store) => importRegistry(store, requiredInt('year', opts.year), text, name));
      say(
        `imported ${r.units} units for ${r.year} (${r.municipalities} municipalities, ${r.districts} districts, ${r.counties} counties; ` +
          `attributes: ${r.attributes.join(', ') || 'none'})${r.replaced > 0 ? `, replacing ${r.replaced}` : ''}`,
      );
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
          throw invalid(`--tolerance: "${opts.tolerance}" is not a number of km² (0 or more)`);
        }
        const r = await withStore((store) =>
          importGeometry(store, {
            year,
            level,
            source: text.toString('utf8'),
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
      const added = await withStore((store) => importGroupings(store, text.toString('utf8'), name));
      say(`imported ${added.length} grouping${added.length === 1 ? '' : 's'}: ${added.map((g) => g.key).join(', ')}`);
    });
}
