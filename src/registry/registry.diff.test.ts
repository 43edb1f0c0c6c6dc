import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCsv } from '../shared/csv.ts';
import type { AppError } from '../shared/errors.ts';
import { buildPlan, diffRegistry, parseMoveCsv, type RoundFacts } from './registry.diff.ts';
import { districtRoles, type Unit } from './registry.types.ts';

const unit = (number: string, name: string, attributes: Record<string, number> = {}, countyName = 'Sentrum'): Unit => ({
  number,
  name,
  countyNumber: number.slice(0, 2),
  countyName,
  kind: number.length === 6 ? 'bydel' : 'kommune',
  parentNumber: number.length === 6 ? number.slice(0, 4) : null,
  attributes,
});

const stored = [
  unit('0301', 'Hovedstad', { folketall: 690000 }),
  unit('0302', 'Lillevik', { folketall: 1500, deltakere_intro: 0 }),
  unit('0303', 'Storvik', { folketall: 25000 }),
  unit('0304', 'Småvik', { folketall: 900 }),
  unit('030101', 'Bydel Nord', { folketall: 50000 }),
];
const incoming = [
  unit('0301', 'Hovedstad', { folketall: 690000 }),
  unit('0302', 'Lille Vik', { folketall: 1600, sentralitet: 3 }),
  unit('0303', 'Storvik', { folketall: 25000 }, 'Midt'),
  unit('0305', 'Nyvik', { folketall: 2000 }),
  unit('030101', 'Bydel Nord', { folketall: 50000 }),
  unit('030102', 'Bydel Sør', { folketall: 60000 }),
];

const noRounds: RoundFacts = { rounds: [], roundUnits: [], attached: [], contacts: [] };

/** One round 2019 with all three roles, its units by the round rule, and what is attached. */
function facts(attached: RoundFacts['attached'] = [], contacts: RoundFacts['contacts'] = []): RoundFacts {
  const roles = ['integreringsansvarlig', 'kommunedirektor', 'skolesjef'];
  return {
    rounds: [{ year: 2019, roles }],
    roundUnits: roles.flatMap((role) =>
      stored.filter((u) => u.kind === 'kommune' || districtRoles.includes(role)).map((u) => ({ round: 2019, role, unit: u.number })),
    ),
    attached,
    contacts,
  };
}

const plan = (f: RoundFacts, moves: Record<string, string> = {}) =>
  buildPlan({ year: 2019, stored, incoming, facts: f, moves: new Map(Object.entries(moves)), districtRoles });

describe('registry diff', () => {
  it('counts new, gone, changed and unchanged units and names each changed field and attribute', () => {
    const d = diffRegistry(stored, incoming);
    assert.equal(d.stored, 5);
    assert.equal(d.incoming, 6);
    assert.deepEqual(d.added, [
      { number: '030102', name: 'Bydel Sør' },
      { number: '0305', name: 'Nyvik' },
    ]);
    assert.deepEqual(d.gone, [{ number: '0304', name: 'Småvik' }]);
    assert.equal(d.unchanged, 2);
    assert.deepEqual(d.changed, [
      {
        number: '0302',
        name: 'Lille Vik',
        fields: [{ field: 'name', before: 'Lillevik', after: 'Lille Vik' }],
        attributes: [
          { attribute: 'deltakere_intro', before: 0, after: null },
          { attribute: 'folketall', before: 1500, after: 1600 },
          { attribute: 'sentralitet', before: null, after: 3 },
        ],
      },
      { number: '0303', name: 'Storvik', fields: [{ field: 'countyName', before: 'Sentrum', after: 'Midt' }], attributes: [] },
    ]);
  });

  it('finds nothing to change in the same units in another order', () => {
    const p = buildPlan({ year: 2019, stored, incoming: [...stored].reverse(), facts: facts(), moves: new Map(), districtRoles });
    assert.equal(p.unchanged, true);
    assert.deepEqual(p.roundUnits, []);
    assert.equal(p.diff.unchanged, 5);
  });

  it('lets a gone unit with nothing attached go and takes it out of the round, adding new units by the round rule', () => {
    const p = plan(facts());
    assert.deepEqual(p.blocked, []);
    assert.deepEqual(p.dropped, [{ number: '0304', name: 'Småvik' }]);
    assert.deepEqual(
      p.roundUnits.map((c) => [c.role, c.added, c.removed]),
      [
        ['integreringsansvarlig', ['030102', '0305'], ['0304']],
        ['kommunedirektor', ['030102', '0305'], ['0304']],
        ['skolesjef', ['0305'], ['0304']],
      ],
    );
  });

  it('blocks a gone unit that has a link, a response or a contact in a round, with the counts', () => {
    const p = plan(
      facts([
        { round: 2019, role: 'skolesjef', unit: '0304', kind: 'links', count: 1 },
        { round: 2019, role: 'skolesjef', unit: '0304', kind: 'responses', count: 1 },
        { round: 2019, role: 'kommunedirektor', unit: '0304', kind: 'contacts', count: 1 },
        { round: 2019, role: 'kommunedirektor', unit: '0301', kind: 'links', count: 1 },
      ]),
    );
    assert.deepEqual(p.blocked, [
      {
        unit: { number: '0304', name: 'Småvik' },
        attached: { links: 1, responses: 1, contacts: 1, outbox: 0, followups: 0 },
        rounds: [2019],
      },
    ]);
    assert.deepEqual(p.dropped, []);
  });

  it('moves a gone unit by the mapping: renumbered in the round, merged where the target takes part already', () => {
    const attached = [{ round: 2019, role: 'skolesjef', unit: '0304', kind: 'responses' as const, count: 1 }];
    const onNew = plan(facts(attached), { '0304': '0305' });
    assert.deepEqual(onNew.blocked, []);
    assert.deepEqual(
      onNew.moves.map((m) => [m.from.number, m.to.number, m.attached.responses]),
      [['0304', '0305', 1]],
    );
    const school = onNew.roundUnits.find((c) => c.role === 'skolesjef');
    assert.deepEqual(school, {
      round: 2019,
      role: 'skolesjef',
      added: [],
      removed: [],
      renumbered: [{ from: '0304', to: '0305', merge: false }],
    });
    const onOld = plan(facts(attached), { '0304': '0303' });
    assert.deepEqual(onOld.roundUnits.find((c) => c.role === 'skolesjef')?.renumbered, [{ from: '0304', to: '0303', merge: true }]);
    assert.notEqual(onNew.fingerprint, onOld.fingerprint);
  });

  it('refuses a move onto a unit with its own response in that role, and two responses moving onto one unit', () => {
    const own = plan(
      facts([
        { round: 2019, role: 'skolesjef', unit: '0304', kind: 'links', count: 1 },
        { round: 2019, role: 'skolesjef', unit: '0303', kind: 'responses', count: 1 },
        { round: 2019, role: 'kommunedirektor', unit: '0304', kind: 'links', count: 1 },
      ]),
      { '0304': '0303' },
    );
    assert.deepEqual(own.collisions, [{ round: 2019, role: 'skolesjef', from: '0304', to: '0303', other: '0303' }]);
    const withStored = [...stored, unit('0306', 'Vesle')];
    const two = buildPlan({
      year: 2019,
      stored: withStored,
      incoming,
      facts: {
        ...noRounds,
        rounds: [{ year: 2019, roles: ['skolesjef'] }],
        attached: [
          { round: 2019, role: 'skolesjef', unit: '0304', kind: 'responses', count: 1 },
          { round: 2019, role: 'skolesjef', unit: '0306', kind: 'responses', count: 1 },
        ],
      },
      moves: new Map([
        ['0304', '0305'],
        ['0306', '0305'],
      ]),
      districtRoles,
    });
    assert.deepEqual(two.collisions, [{ round: 2019, role: 'skolesjef', from: '0306', to: '0305', other: '0304' }]);
  });

  it('says when the target keeps its own contact', () => {
    const p = plan(
      facts([{ round: 2019, role: 'skolesjef', unit: '0304', kind: 'contacts', count: 1 }], [{ unit: '0303', role: 'skolesjef' }]),
      {
        '0304': '0303',
      },
    );
    assert.deepEqual(p.moves[0]?.targetKeepsContact, ['skolesjef']);
  });
});

describe('moves file', () => {
  const ctx = { year: 2019, leaving: new Set(['0304', '030105']), incoming: new Set(incoming.map((u) => u.number)) };
  const read = (text: string) => parseMoveCsv(readCsv(text, 'flytting.csv'), ctx);

  it('reads fra,til and from,to, padding numbers a spreadsheet shortened', () => {
    assert.deepEqual([...read('fra;til\n304;305\n')], [['0304', '0305']]);
    assert.deepEqual([...read('from,to\n0304,0303\n')], [['0304', '0303']]);
  });

  it('refuses rows that do not move a unit that goes into the new file, naming line and column', () => {
    assert.throws(
      () => read('fra,til\n0302,0305\n0304,0399\n030105,0305\n0304,0301\n'),
      (e: AppError) => {
        assert.equal(
          e.message,
          'flytting.csv line 2, column fra: 0302 is still in the new file; only units that go can move (and 3 more problems)',
        );
        assert.deepEqual(e.texts('en').slice(1), [
          'flytting.csv line 3, column til: 0399 is not in the new file',
          'flytting.csv line 4, column til: 030105 and 0305 are not the same kind of unit (municipality: 4 digits, district: 6)',
          'flytting.csv line 5, column fra: 0304 already appears on line 3',
        ]);
        return true;
      },
    );
    assert.throws(() => read('gammel,ny\n0304,0305\n'), /flytting\.csv line 1: the columns are "fra,til"/);
  });
});
