import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { miniQuestionnaire } from '../round/fixtures.ts';
import { AppError } from '../shared/errors.ts';
import { isMessage, say } from '../shared/i18n/message.ts';
import { legacyChangeMessage } from './change-log.ts';
import { describeAnswerCondition, describeRegistryCondition } from './describe.ts';
import { changeList, diffQuestionnaires } from './diff.ts';
import { questionnaireShape } from './model.ts';
import { loadQuestionnaireFile, loadTemplate } from './template.ts';
import { parseQuestionnaire } from './validate.ts';

const raw = (): Record<string, unknown> => JSON.parse(JSON.stringify(miniQuestionnaire('skolesjef')));

/** Sets the value at a path of a questionnaire file (`['questions', 1, 'text']`). */
function set(q: Record<string, unknown>, at: readonly (string | number)[], value: unknown): void {
  let here = q as Record<string | number, unknown>;
  for (const p of at.slice(0, -1)) here = here[p] as Record<string | number, unknown>;
  here[at.at(-1) as string | number] = value;
}

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  assert.fail('expected an AppError');
}

describe('questionnaire problems in every language', () => {
  it('words the checks beyond the shape in bokmål and nynorsk, with the path first and the count of the rest', () => {
    const q = raw();
    set(q, ['questions', 1, 'options', 2, 'code'], 1);
    set(q, ['questions', 3, 'scale', 'extra', 0, 'code'], 3);
    const e = refusal(() => parseQuestionnaire(q));
    assert.equal(e.message, 'skolesjef.questions[1].options[2].code: duplicate code 1 (and 1 more problem)');
    assert.deepEqual(e.texts('nb'), [
      'skolesjef.questions[1].options[2].code: koden 1 er allerede brukt',
      'skolesjef.questions[3].scale.extra[0].code: koden 3 ligger innenfor skalaen 1–5',
    ]);
    assert.equal(e.text('nb'), 'skolesjef.questions[1].options[2].code: koden 1 er allerede brukt (og 1 problem til)');
    assert.equal(e.texts('nn')[1], 'skolesjef.questions[3].scale.extra[0].code: koden 3 ligg innanfor skalaen 1–5');
  });

  it('gives its own zod refinements a catalogue message instead of an English text', () => {
    const q = raw();
    set(q, ['questions', 0, 'key'], 'Rolle');
    set(q, ['questions', 1, 'options', 0, 'code'], 1.5);
    set(q, ['questions', 1, 'text'], '');
    const r = questionnaireShape.safeParse(q);
    assert.ok(!r.success);
    const own = r.error.issues.filter((i) => i.code === 'custom');
    assert.equal(own.length, 3);
    for (const i of own) assert.ok(isMessage((i.params as { message?: unknown }).message), i.message);
    const e = refusal(() => parseQuestionnaire(q));
    assert.deepEqual(e.texts('en'), [
      'skolesjef.questions[0].key: keys are lower-case letters a-z, digits and _, starting with a letter',
      'skolesjef.questions[1].text: text is empty',
      'skolesjef.questions[1].options[0].code: codes are whole numbers',
    ]);
    assert.deepEqual(e.texts('nb'), [
      'skolesjef.questions[0].key: nøkler består av små bokstaver a–z, sifre og _, og begynner med en bokstav',
      'skolesjef.questions[1].text: teksten er tom',
      'skolesjef.questions[1].options[0].code: koder er hele tall',
    ]);
  });

  it('says where a questionnaire file stops being YAML without the parser’s English in Norwegian', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-yaml-'));
    const file = path.join(dir, 'skolesjef.yaml');
    fs.writeFileSync(file, 'role: skolesjef\ntitle: [unclosed\n');
    const e = refusal(() => loadQuestionnaireFile(file));
    assert.match(e.message, /^skolesjef\.yaml: not valid YAML\/JSON: \S/);
    assert.match(e.text('nb'), /^skolesjef\.yaml: ikke gyldig YAML eller JSON \(linje \d+, kolonne \d+\)$/);
    assert.match(e.text('nn'), /^skolesjef\.yaml: ikkje gyldig YAML eller JSON \(linje \d+, kolonne \d+\)$/);
    const missing = refusal(() => loadTemplate(path.join(dir, 'ingen')));
    assert.match(missing.text('nb'), /^ukjent mal «.*ingen» \(innebygde maler: kommuneundersokelse-2019/);
  });

  it('describes conditions with the words of the language', () => {
    const eligible = {
      all: [
        { attribute: 'andel', op: '>' as const, value: 0.5 },
        {
          any: [
            { attribute: 'bosatt', op: '>=' as const, value: 1 },
            { attribute: 'mottak', op: '=' as const, value: 2 },
          ],
        },
      ],
    };
    assert.equal(say(describeRegistryCondition(eligible), 'en'), 'andel > 0.5 and (bosatt >= 1 or mottak = 2)');
    assert.equal(say(describeRegistryCondition(eligible), 'nb'), 'andel > 0,5 og (bosatt >= 1 eller mottak = 2)');
    const followUp = { question: 'kjennskap', item: 'nettsted', codes: [1, 2] };
    assert.equal(say(describeAnswerCondition(followUp), 'en'), 'kjennskap.nettsted is 1 or 2');
    assert.equal(say(describeAnswerCondition(followUp), 'nn'), 'kjennskap.nettsted er 1 eller 2');
  });
});

describe('questionnaire changes in every language', () => {
  const before = parseQuestionnaire(raw());
  const edited = raw();
  set(edited, ['questions', 1, 'options', 3], { code: 3, label: 'Delvis' });
  set(edited, ['questions', 0, 'text'], 'Hvilken rolle har du?');
  const after = parseQuestionnaire(edited);

  it('describes each change as a message, English as before and Norwegian for the editor', () => {
    const changes = diffQuestionnaires(before, after);
    assert.deepEqual(
      changes.map((c) => [c.kind, c.path, say(c.what, 'en'), say(c.what, 'nb')]),
      [
        ['wording', 'rolle.text', 'question text changed', 'spørsmålsteksten er endret'],
        ['structure', 'samarbeid.options[3]', 'option 3 added', 'svaralternativ 3 er lagt til'],
      ],
    );
    assert.equal(say(changeList(changes), 'en'), 'rolle.text (question text changed); samarbeid.options[3] (option 3 added)');
    assert.equal(
      say(changeList(changes), 'nn'),
      'rolle.text (spørsmålsteksten er endra); samarbeid.options[3] (svaralternativ 3 er lagt til)',
    );
  });

  it('reads every English description diff.ts writes back into its message', () => {
    const all = diffQuestionnaires(before, { ...after, title: 'Ny tittel', questions: [...after.questions].reverse() });
    for (const c of all) {
      const english = say(c.what, 'en');
      assert.deepEqual(legacyChangeMessage(english), c.what, english);
    }
    assert.equal(say(legacyChangeMessage('moved to section tema'), 'nb'), 'flyttet til seksjonen tema');
    assert.equal(say(legacyChangeMessage('type single → multi'), 'nb'), 'typen er endret fra Ett svar til Flere svar mulig');
  });
});
