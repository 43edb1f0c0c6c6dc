import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import type { Question, Questionnaire, RegistryCondition, Role } from './model.ts';
import { builtinTemplates, loadTemplate, type Template } from './template.ts';
import { parseQuestionnaire } from './validate.ts';

const TEMPLATE = 'kommuneundersokelse-2019';
const templateDir = new URL(`./templates/${TEMPLATE}/`, import.meta.url);

/** The questionnaire file as written, parsed from YAML but not yet validated: a fresh copy per call. */
function rawQuestionnaire(role: Role): { questions: Record<string, unknown>[]; [k: string]: unknown } {
  return YAML.parse(fs.readFileSync(new URL(`${role}.yaml`, templateDir), 'utf8'));
}

let loaded: Template | undefined;
function template(): Template {
  loaded ??= loadTemplate(TEMPLATE);
  return loaded;
}

function questionnaire(role: Role): Questionnaire {
  const q = template().questionnaires.get(role);
  assert.ok(q, `no questionnaire for ${role}`);
  return q;
}

function question(role: Role, key: string): Question {
  const q = questionnaire(role).questions.find((x) => x.key === key);
  assert.ok(q, `${role} has no question ${key}`);
  return q;
}

type RawQuestion = Record<string, unknown> & {
  options?: { code: number }[];
  items?: { key: string }[];
  scale?: { extra?: { code: number }[] };
};

/** The index of a raw question and the question itself, to mutate. */
function rawAt(raw: { questions: Record<string, unknown>[] }, key: string): [number, RawQuestion] {
  const i = raw.questions.findIndex((q) => q.key === key);
  const q = raw.questions[i];
  assert.ok(q, `no question ${key}`);
  return [i, q];
}

/** Codes of a question's options or scale extras, with their bokmål labels. */
function codedLabels(q: Question): { code: number; nb: string }[] {
  const options = 'options' in q && q.options ? q.options : 'scale' in q && q.scale ? (q.scale.extra ?? []) : [];
  return options.map((o) => ({ code: o.code, nb: typeof o.label === 'string' ? o.label : o.label.nb }));
}

// SPEC §4, in the order of the questionnaire.
const expectedKeys: Record<Role, string[]> = {
  kommunedirektor: [
    'rolle',
    'planstrategi',
    'tolk_retningslinjer',
    'imdi_kjennskap',
    'nsk_utfordring',
    'nsk_kompetansebehov',
    'kjenner_minoritetsradgivere',
    'kjenner_kompetanseteamet',
    'samarbeid_vold',
    'samarbeid_instanser',
    'handlingsplan_vold',
    'handlingsplan_omfatter_nsk',
    'rutiner_nsk',
  ],
  integreringsansvarlig: [
    'rolle',
    'frivillig_samarbeid',
    'frivillig_omrader',
    'resultatmal',
    'tiltak_utdanning',
    'tiltak_utdanning_hvilke',
    'brukermedvirkning',
    'brukermedvirkning_hvor',
    'imdi_kjennskap',
    'imdi_viktighet',
    'imdi_nytte',
    'mest_utfordrende',
    'kartlegging_mottak',
    'kartlegging_off',
    'kartlegging_rett_instans',
    'samsvar_behov',
    'samsvar_kompetanse',
  ],
  skolesjef: [
    'rolle',
    'kombinere_norsk_utdanning',
    'kjoper_norskopplaering',
    'kontakt_malgruppe',
    'barrierer_oppstart',
    'tilbud_norskopplaering',
    'kollektiv_begrenser',
    'rullerende_tiltak',
    'rullerende_hvilke',
    'nsk_utfordring_grunnskole',
    'nsk_utfordring_vgs',
    'kjenner_enkeltsaker',
    'oversikt_utenlandsopphold',
    'antall_utenlandsopphold',
    'nsk_kompetansebehov_grunnskole',
    'nsk_kompetansebehov_vgs',
    'kjenner_minoritetsradgivere',
    'kjenner_kompetanseteamet',
  ],
};

// SPEC §4: the type of each question.
const expectedTypes: Record<Role, Record<string, Question['type']>> = {
  kommunedirektor: {
    rolle: 'text',
    planstrategi: 'matrix',
    tolk_retningslinjer: 'single',
    imdi_kjennskap: 'matrix',
    nsk_utfordring: 'scale',
    nsk_kompetansebehov: 'scale',
    kjenner_minoritetsradgivere: 'single',
    kjenner_kompetanseteamet: 'single',
    samarbeid_vold: 'single',
    samarbeid_instanser: 'multi',
    handlingsplan_vold: 'single',
    handlingsplan_omfatter_nsk: 'single',
    rutiner_nsk: 'single',
  },
  integreringsansvarlig: {
    rolle: 'text',
    frivillig_samarbeid: 'single',
    frivillig_omrader: 'multi',
    resultatmal: 'multi',
    tiltak_utdanning: 'single',
    tiltak_utdanning_hvilke: 'multi',
    brukermedvirkning: 'single',
    brukermedvirkning_hvor: 'multi',
    imdi_kjennskap: 'matrix',
    imdi_viktighet: 'matrix',
    imdi_nytte: 'matrix',
    mest_utfordrende: 'matrix',
    kartlegging_mottak: 'matrix',
    kartlegging_off: 'matrix',
    kartlegging_rett_instans: 'scale',
    samsvar_behov: 'matrix',
    samsvar_kompetanse: 'matrix',
  },
  skolesjef: {
    rolle: 'text',
    kombinere_norsk_utdanning: 'single',
    kjoper_norskopplaering: 'single',
    kontakt_malgruppe: 'multi',
    barrierer_oppstart: 'multi',
    tilbud_norskopplaering: 'multi',
    kollektiv_begrenser: 'single',
    rullerende_tiltak: 'single',
    rullerende_hvilke: 'multi',
    nsk_utfordring_grunnskole: 'scale',
    nsk_utfordring_vgs: 'scale',
    kjenner_enkeltsaker: 'single',
    oversikt_utenlandsopphold: 'single',
    antall_utenlandsopphold: 'integer',
    nsk_kompetansebehov_grunnskole: 'scale',
    nsk_kompetansebehov_vgs: 'scale',
    kjenner_minoritetsradgivere: 'single',
    kjenner_kompetanseteamet: 'single',
  },
};

const roles = Object.keys(expectedKeys) as Role[];

describe(`built-in template ${TEMPLATE}`, () => {
  it('loads the built-in 2019 template with the three questionnaires', () => {
    assert.ok(builtinTemplates().includes(TEMPLATE));
    const t = loadTemplate(TEMPLATE);
    assert.equal(t.key, TEMPLATE);
    assert.equal(t.title, 'IMDis kommuneundersøkelse 2019');
    assert.equal(t.year, 2019);
    assert.deepEqual(t.window, { opens: '2020-01-03', closes: '2020-01-29' });
    assert.deepEqual(t.reminders, [7, 14, 21]);
    assert.deepEqual([...t.questionnaires.keys()].sort(), ['integreringsansvarlig', 'kommunedirektor', 'skolesjef']);
    for (const [role, q] of t.questionnaires) {
      assert.equal(q.role, role);
      assert.deepEqual(q.languages, ['nb', 'nn', 'en']);
      assert.ok(q.sections.length >= 2 && q.sections.length <= 5, `${role} has ${q.sections.length} sections`);
    }
  });

  it('has every question key of SPEC §4 for each role', () => {
    for (const role of roles) {
      assert.deepEqual(
        questionnaire(role).questions.map((q) => q.key),
        expectedKeys[role],
        role,
      );
    }
  });

  it('gives every question the type SPEC §4 names', () => {
    for (const role of roles) {
      const actual = Object.fromEntries(questionnaire(role).questions.map((q) => [q.key, q.type]));
      assert.deepEqual(actual, expectedTypes[role], role);
    }
  });

  it('puts every question on a page and leaves every question optional', () => {
    for (const role of roles) {
      const sections = new Set(questionnaire(role).sections.map((s) => s.key));
      for (const q of questionnaire(role).questions) {
        assert.ok(q.section !== undefined && sections.has(q.section), `${role}.${q.key} has no section`);
        assert.equal(q.required, undefined, `${role}.${q.key} should be optional`);
      }
    }
  });

  it('routes samarbeid_instanser as a follow-up of samarbeid_vold = Ja', () => {
    const q = question('kommunedirektor', 'samarbeid_instanser');
    assert.deepEqual(q.showIf, { question: 'samarbeid_vold', codes: [1] });
    assert.deepEqual(codedLabels(q), [
      { code: 1, nb: 'Politi' },
      { code: 2, nb: 'RVTS (Regionalt ressurssenter om vold og traumatisk stress)' },
      { code: 3, nb: 'Bufetat (Barne-, ungdoms- og familieetaten)' },
      { code: 4, nb: 'Kompetanseteamet' },
      { code: 5, nb: 'Fylkesmannen' },
      { code: 6, nb: 'IMDi' },
      { code: 7, nb: 'Andre' },
    ]);
  });

  it('routes every follow-up of SPEC §4 on Ja of the question before it', () => {
    const followUps: [Role, string, string][] = [
      ['kommunedirektor', 'samarbeid_instanser', 'samarbeid_vold'],
      ['kommunedirektor', 'handlingsplan_omfatter_nsk', 'handlingsplan_vold'],
      ['integreringsansvarlig', 'frivillig_omrader', 'frivillig_samarbeid'],
      ['integreringsansvarlig', 'tiltak_utdanning_hvilke', 'tiltak_utdanning'],
      ['integreringsansvarlig', 'brukermedvirkning_hvor', 'brukermedvirkning'],
      ['skolesjef', 'rullerende_hvilke', 'rullerende_tiltak'],
      ['skolesjef', 'antall_utenlandsopphold', 'oversikt_utenlandsopphold'],
    ];
    for (const [role, key, parent] of followUps) {
      assert.deepEqual(question(role, key).showIf, { question: parent, codes: [1] }, `${role}.${key}`);
    }
    const routed = new Set(followUps.map(([role, key]) => `${role}.${key}`));
    for (const role of roles) {
      for (const q of questionnaire(role).questions) {
        if (!routed.has(`${role}.${q.key}`)) assert.equal(q.showIf, undefined, `${role}.${q.key} is not a follow-up`);
      }
    }
  });

  it('asks the introduction-programme questions only of units with participants', () => {
    const intro = { attribute: 'deltakere_intro', op: '>', value: 0 };
    for (const key of ['resultatmal', 'tiltak_utdanning', 'tiltak_utdanning_hvilke', 'brukermedvirkning', 'brukermedvirkning_hvor']) {
      assert.deepEqual(question('integreringsansvarlig', key).eligibleIf, intro, key);
    }
  });

  it('asks the settlement questions only of units that settled the kind of refugees they are about', () => {
    const mottak: RegistryCondition = { attribute: 'bosatt_mottak', op: '>', value: 0 };
    const overforing: RegistryCondition = { attribute: 'bosatt_overforing', op: '>', value: 0 };
    const expected: Record<string, RegistryCondition> = {
      mest_utfordrende: { all: [mottak, overforing] },
      kartlegging_mottak: mottak,
      kartlegging_off: overforing,
      kartlegging_rett_instans: { any: [mottak, overforing] },
      samsvar_behov: { any: [mottak, overforing] },
      samsvar_kompetanse: { any: [mottak, overforing] },
    };
    for (const [key, condition] of Object.entries(expected)) {
      assert.deepEqual(question('integreringsansvarlig', key).eligibleIf, condition, key);
    }
  });

  it('asks everything else of every unit', () => {
    const restricted = new Set([
      'resultatmal',
      'tiltak_utdanning',
      'tiltak_utdanning_hvilke',
      'brukermedvirkning',
      'brukermedvirkning_hvor',
      'mest_utfordrende',
      'kartlegging_mottak',
      'kartlegging_off',
      'kartlegging_rett_instans',
      'samsvar_behov',
      'samsvar_kompetanse',
    ]);
    for (const role of roles) {
      for (const q of questionnaire(role).questions) {
        if (role === 'integreringsansvarlig' && restricted.has(q.key)) continue;
        assert.equal(q.eligibleIf, undefined, `${role}.${q.key}`);
      }
    }
  });

  it('keeps Vet ikke (9) in tolk_retningslinjer', () => {
    assert.deepEqual(codedLabels(question('kommunedirektor', 'tolk_retningslinjer')), [
      { code: 1, nb: 'Ja, der Nasjonalt tolkeregister inngår' },
      { code: 2, nb: 'Ja, men uten at Nasjonalt tolkeregister inngår' },
      { code: 3, nb: 'Nei' },
      { code: 9, nb: 'Vet ikke' },
    ]);
  });

  it('codes Ja 1, Nei 2, Ikke relevant 8 and Vet ikke 9 wherever they are offered', () => {
    const fixed: Record<string, number> = { Ja: 1, Nei: 2, 'Ikke relevant': 8, 'Vet ikke': 9 };
    const exceptions = new Set(['kommunedirektor.tolk_retningslinjer', 'kommunedirektor.rutiner_nsk']);
    let seen = 0;
    for (const role of roles) {
      for (const q of questionnaire(role).questions) {
        for (const { code, nb } of codedLabels(q)) {
          const want = fixed[nb];
          if (want === undefined) continue;
          if (nb === 'Nei' && exceptions.has(`${role}.${q.key}`)) assert.equal(code, 3, `${role}.${q.key} ${nb}`);
          else assert.equal(code, want, `${role}.${q.key} ${nb}`);
          seen++;
        }
      }
    }
    assert.ok(seen > 50);
  });

  it('codes rutiner_nsk with Under utarbeidelse between Ja and Nei', () => {
    assert.deepEqual(codedLabels(question('kommunedirektor', 'rutiner_nsk')), [
      { code: 1, nb: 'Ja' },
      { code: 2, nb: 'Under utarbeidelse' },
      { code: 3, nb: 'Nei' },
      { code: 9, nb: 'Vet ikke' },
    ]);
  });

  it('makes Nei, ingen resultatmål and Vet ikke exclusive in resultatmal', () => {
    const q = question('integreringsansvarlig', 'resultatmal');
    assert.equal(q.type, 'multi');
    if (q.type !== 'multi') return;
    assert.deepEqual(
      q.options.map((o) => [o.code, o.exclusive === true]),
      [
        [1, false],
        [2, false],
        [3, false],
        [4, false],
        [5, true],
        [9, true],
      ],
    );
    assert.equal(codedLabels(q)[4]?.nb, 'Nei, ingen resultatmål');
  });

  it('asks to specify Annet in the multiple-choice questions that have it', () => {
    const withAnnet: [Role, string][] = [
      ['integreringsansvarlig', 'frivillig_omrader'],
      ['integreringsansvarlig', 'tiltak_utdanning_hvilke'],
      ['integreringsansvarlig', 'brukermedvirkning_hvor'],
      ['skolesjef', 'kontakt_malgruppe'],
      ['skolesjef', 'barrierer_oppstart'],
      ['skolesjef', 'rullerende_hvilke'],
    ];
    for (const [role, key] of withAnnet) {
      const q = question(role, key);
      assert.ok(q.type === 'multi', key);
      const last = q.options.at(-1);
      assert.equal(last?.specify, true, key);
      assert.equal(last?.code, q.options.length, `${key}: Annet takes the next code`);
      assert.deepEqual(
        q.options.map((o) => o.code),
        q.options.map((_, i) => i + 1),
        `${key}: codes 1..n`,
      );
    }
  });

  it('rates on 1–5 scales with the end labels and extras of SPEC §4', () => {
    const liten = ['I liten grad', 'I stor grad'];
    const scales: [Role, string, string[], number[]][] = [
      ['kommunedirektor', 'nsk_utfordring', liten, [9]],
      ['kommunedirektor', 'nsk_kompetansebehov', liten, [9]],
      ['integreringsansvarlig', 'imdi_viktighet', ['Svært lite viktig', 'Svært viktig'], [8, 9]],
      ['integreringsansvarlig', 'imdi_nytte', ['Svært dårlig', 'Svært god'], [8, 9]],
      ['integreringsansvarlig', 'kartlegging_mottak', liten, []],
      ['integreringsansvarlig', 'kartlegging_off', liten, []],
      ['integreringsansvarlig', 'kartlegging_rett_instans', liten, []],
      ['integreringsansvarlig', 'samsvar_behov', liten, []],
      ['integreringsansvarlig', 'samsvar_kompetanse', liten, []],
      ['skolesjef', 'nsk_utfordring_grunnskole', liten, [9]],
      ['skolesjef', 'nsk_utfordring_vgs', liten, [9]],
      ['skolesjef', 'nsk_kompetansebehov_grunnskole', liten, [9]],
      ['skolesjef', 'nsk_kompetansebehov_vgs', liten, [9]],
    ];
    for (const [role, key, [minLabel, maxLabel], extras] of scales) {
      const q = question(role, key);
      assert.ok(q.type === 'scale' || q.type === 'matrix', key);
      const s = q.scale;
      assert.ok(s, `${key} has a scale`);
      assert.equal(s.min, 1, key);
      assert.equal(s.max, 5, key);
      assert.equal(typeof s.minLabel === 'string' ? s.minLabel : s.minLabel.nb, minLabel, key);
      assert.equal(typeof s.maxLabel === 'string' ? s.maxLabel : s.maxLabel.nb, maxLabel, key);
      assert.deepEqual(
        (s.extra ?? []).map((o) => o.code),
        extras,
        key,
      );
    }
  });

  it('offers the three groups in mest_utfordrende and shares areas between imdi_viktighet and imdi_nytte', () => {
    assert.deepEqual(codedLabels(question('integreringsansvarlig', 'mest_utfordrende')), [
      { code: 1, nb: 'Flyktninger fra asylmottak' },
      { code: 2, nb: 'Overføringsflyktninger' },
      { code: 3, nb: 'Verken eller' },
    ]);
    const items = (key: string) => {
      const q = question('integreringsansvarlig', key);
      return q.type === 'matrix' ? q.items.map((i) => i.key) : [];
    };
    assert.equal(items('imdi_viktighet').length, 6);
    assert.deepEqual(items('imdi_viktighet'), items('imdi_nytte'));
    assert.deepEqual(items('kartlegging_off'), [...items('kartlegging_mottak'), 'livet_hjemlandet']);
    assert.equal(items('samsvar_behov').length, 7);
    assert.deepEqual(question('kommunedirektor', 'imdi_kjennskap'), question('integreringsansvarlig', 'imdi_kjennskap'));
  });

  it('takes the number of pupils abroad as a whole number from 0', () => {
    const q = question('skolesjef', 'antall_utenlandsopphold');
    assert.ok(q.type === 'integer');
    assert.equal(q.min, 0);
    assert.equal(q.max, 10000);
  });

  it('has nynorsk and English for every text', () => {
    const textKeys = new Set(['title', 'intro', 'text', 'help', 'label', 'minLabel', 'maxLabel', 'unit']);
    let texts = 0;
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`);
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        const where = `${path}.${k}`;
        if (textKeys.has(k)) {
          assert.ok(typeof v === 'object' && v !== null, `${where} is a plain string`);
          const t = v as Record<string, unknown>;
          for (const lang of ['nb', 'nn', 'en']) {
            assert.ok(typeof t[lang] === 'string' && (t[lang] as string).trim() !== '', `${where}.${lang} is missing`);
          }
          texts++;
        } else {
          walk(v, where);
        }
      }
    };
    for (const role of roles) walk(rawQuestionnaire(role), role);
    walk(YAML.parse(fs.readFileSync(new URL('template.yaml', templateDir), 'utf8')), 'template');
    assert.ok(texts > 250, `only ${texts} texts seen`);
  });

  it('keeps short labels short enough for charts', () => {
    for (const role of roles) {
      for (const q of questionnaire(role).questions) {
        if (q.shortLabel !== undefined) assert.ok(q.shortLabel.length <= 60, `${role}.${q.key}: ${q.shortLabel}`);
      }
    }
  });
});

describe('broken variants of the 2019 questionnaires', () => {
  it('accepts the files as written', () => {
    for (const role of roles) assert.equal(parseQuestionnaire(rawQuestionnaire(role)).role, role);
  });

  it('names the path of a duplicate option code', () => {
    const raw = rawQuestionnaire('kommunedirektor');
    const [i, q] = rawAt(raw, 'tolk_retningslinjer');
    const vetIkke = q.options?.[3];
    assert.ok(vetIkke);
    vetIkke.code = 3;
    assert.throws(() => parseQuestionnaire(raw), {
      code: 'invalid_input',
      message: /^kommunedirektor\.questions\[\d+\]\.options\[\d+\]\.code: duplicate code 3/,
    });
    assert.throws(() => parseQuestionnaire(raw), { message: `kommunedirektor.questions[${i}].options[3].code: duplicate code 3` });
  });

  it('names the path of a follow-up that points to a later question', () => {
    const raw = rawQuestionnaire('kommunedirektor');
    const [parent, p] = rawAt(raw, 'samarbeid_vold');
    const [child, c] = rawAt(raw, 'samarbeid_instanser');
    raw.questions[parent] = c;
    raw.questions[child] = p;
    assert.throws(() => parseQuestionnaire(raw), {
      message: `kommunedirektor.questions[${parent}].showIf.question: "samarbeid_vold" is not an earlier question`,
    });
  });

  it('names the path of a follow-up on a code the question does not have', () => {
    const raw = rawQuestionnaire('skolesjef');
    const [i, q] = rawAt(raw, 'antall_utenlandsopphold');
    q.showIf = { question: 'oversikt_utenlandsopphold', codes: [4] };
    assert.throws(() => parseQuestionnaire(raw), {
      message: `skolesjef.questions[${i}].showIf.codes[0]: "oversikt_utenlandsopphold" has no code 4`,
    });
  });

  it('names the path of an unknown question type', () => {
    const raw = rawQuestionnaire('integreringsansvarlig');
    const [i, q] = rawAt(raw, 'kartlegging_rett_instans');
    q.type = 'slider';
    assert.throws(() => parseQuestionnaire(raw), { message: new RegExp(`^integreringsansvarlig\\.questions\\[${i}\\]\\.type: `) });
  });

  it('names the path of a scale extra whose code lies inside the scale', () => {
    const raw = rawQuestionnaire('kommunedirektor');
    const [i, q] = rawAt(raw, 'nsk_utfordring');
    const extra = q.scale?.extra?.[0];
    assert.ok(extra);
    extra.code = 3;
    assert.throws(() => parseQuestionnaire(raw), {
      message: `kommunedirektor.questions[${i}].scale.extra[0].code: code 3 lies inside the scale 1-5`,
    });
  });

  it('names the path of a duplicate matrix item key', () => {
    const raw = rawQuestionnaire('integreringsansvarlig');
    const [i, q] = rawAt(raw, 'samsvar_kompetanse');
    const item = q.items?.[2];
    assert.ok(item);
    item.key = 'arbeidsmarked';
    assert.throws(() => parseQuestionnaire(raw), {
      message: `integreringsansvarlig.questions[${i}].items[2].key: duplicate item key "arbeidsmarked"`,
    });
  });

  it('names the path of a question on a section that does not exist', () => {
    const raw = rawQuestionnaire('skolesjef');
    const [i, q] = rawAt(raw, 'kollektiv_begrenser');
    q.section = 'transport';
    assert.throws(() => parseQuestionnaire(raw), { message: `skolesjef.questions[${i}].section: no section "transport"` });
  });
});
