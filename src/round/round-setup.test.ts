import assert from 'node:assert/strict';
import { saveMailTemplate } from '../outreach/mail-template.service.ts';
import type { Questionnaire } from '../questionnaire/model.ts';
import { importMapping, importRegistry } from '../registry/registry.service.ts';
import { AppError } from '../shared/errors.ts';
import { say } from '../shared/i18n/message.ts';
import { describeStores } from '../store/testing.ts';
import { miniRegistryCsv, writeMiniTemplate } from './fixtures.ts';
import * as repo from './round.repository.ts';
import { createRound, getRound, roundQuestionnaire, roundUnits } from './round.service.ts';
import { createRoundFrom, questionnaireLog, saveRoundQuestionnaire } from './round-setup.ts';

const template = writeMiniTemplate();
// 2020: Fjellbygd (0401) and Dalbygd (0402) merged into Fjelldal (0404).
const registry2020 = miniRegistryCsv
  .replace('0401;Fjellbygd;04;Innlandet;4000;\n', '')
  .replace('0402;Dalbygd;04;Innlandet;8000;12', '0404;Fjelldal;04;Innlandet;12000;12');

const clone = (q: Questionnaire) =>
  JSON.parse(JSON.stringify(q)) as { questions: Record<string, unknown>[]; sections: unknown[] } & Record<string, unknown>;

describeStores('preparing a round', (test) => {
  test('copies last year’s round onto a new division and shows which units merged, came and went', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await importRegistry(store, 2020, registry2020, 'r2020.csv');
    await importMapping(store, 2019, 2020, 'fra_nummer,til_nummer\n0401,0404\n0402,0404\n', 'map.csv');
    await createRound(store, { year: 2019, template });
    await saveMailTemplate(store, 2019, 'skolesjef', 'invitation', { subject: 'Hei {kommune}', body: 'Svar her: {lenke}' });
    const c = await createRoundFrom(store, { year: 2020, from: 2019 });
    assert.deepEqual(c.division, { added: ['0404'], gone: ['0401', '0402'], merged: { '0404': ['0401', '0402'] } });
    assert.deepEqual(c.round.window, { opens: '2021-01-03', closes: '2021-01-29' });
    assert.deepEqual(c.round.reminders, (await getRound(store, 2019)).reminders);
    assert.deepEqual(await roundQuestionnaire(store, 2020, 'skolesjef'), await roundQuestionnaire(store, 2019, 'skolesjef'));
    assert.ok((await roundUnits(store, 2020, 'skolesjef')).includes('0404'));
    const letter = await store.db.selectFrom('mail_template').select(['subject']).where('round_year', '=', 2020).execute();
    assert.deepEqual(letter, [{ subject: 'Hei {kommune}' }]);
    await assert.rejects(createRoundFrom(store, { year: 2020, from: 2019 }), /exists already/);
  });

  test('saves questions and options added before the window opens, logs them, and warns about a lost option', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await importRegistry(store, 2020, miniRegistryCsv, 'r2020.csv');
    await createRound(store, { year: 2019, template });
    await createRoundFrom(store, { year: 2020, from: 2019 });
    const q = clone(await roundQuestionnaire(store, 2020, 'kommunedirektor'));
    const samarbeid = q.questions.find((x) => x.key === 'samarbeid') as { options: { code: number; label: unknown }[] };
    samarbeid.options = samarbeid.options.filter((o) => o.code !== 9).concat({ code: 3, label: 'Delvis' });
    q.questions.push({
      key: 'ny_oppfolging',
      type: 'text',
      section: 'tema',
      text: 'Hva slags samarbeid?',
      showIf: { question: 'samarbeid', codes: [3] },
    });
    const before = new Date('2020-12-01T10:00:00Z');
    const r = await saveRoundQuestionnaire(store, 2020, 'kommunedirektor', q, 'Kari', before);
    assert.deepEqual(
      r.changes.map((c) => [c.kind, c.path, say(c.what, 'en')]),
      [
        ['structure', 'samarbeid.options[9]', 'option 9 removed'],
        ['structure', 'samarbeid.options[3]', 'option 3 added'],
        ['structure', 'ny_oppfolging', 'question ny_oppfolging added'],
      ],
    );
    assert.deepEqual(
      r.warnings.map((w) => say(w, 'en')),
      ['samarbeid: option 9 ("Vet ikke") of 2019 is gone; trends will leave it out'],
    );
    assert.deepEqual(
      r.warnings.map((w) => say(w, 'nb')),
      ['samarbeid: svaralternativ 9 («Vet ikke») fra 2019 finnes ikke lenger; trendene vil utelate det.'],
    );
    assert.ok((await roundQuestionnaire(store, 2020, 'kommunedirektor')).questions.some((x) => x.key === 'ny_oppfolging'));
    const log = await questionnaireLog(store, 2020, 'kommunedirektor');
    assert.equal(log.length, 1);
    assert.equal(log[0]?.by, 'Kari');
    assert.deepEqual(
      log[0]?.changes.map((c) => say(c.what, 'nb')),
      ['svaralternativ 9 er fjernet', 'svaralternativ 3 er lagt til', 'spørsmålet ny_oppfolging er lagt til'],
    );
  });

  test('reads a change log written before the message catalogue into the same messages', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await createRound(store, { year: 2019, template });
    const old = [
      { kind: 'structure', path: 'samarbeid', what: 'type single → multi' },
      { kind: 'structure', path: 'samarbeid', what: 'moved to section (first)' },
      { kind: 'wording', path: 'samarbeid.options[3]', what: 'label of option 3 changed' },
      { kind: 'structure', path: 'questions', what: 'questions reordered' },
      { kind: 'wording', path: 'x', what: 'something else entirely' },
    ];
    await repo.insertQuestionnaireChange(store.db, {
      round_year: 2019,
      role: 'skolesjef',
      at: '2019-12-01T10:00:00.000Z',
      by_user: 'Kari',
      changes: JSON.stringify(old),
    });
    const [entry] = await questionnaireLog(store, 2019, 'skolesjef');
    assert.deepEqual(
      entry?.changes.map((c) => say(c.what, 'en')),
      old.map((c) => c.what),
      'the English reads as it was stored',
    );
    assert.deepEqual(
      entry?.changes.map((c) => say(c.what, 'nb')),
      [
        'typen er endret fra Ett svar til Flere svar mulig',
        'flyttet til den første seksjonen',
        'teksten til svaralternativ 3 er endret',
        'spørsmålene har fått ny rekkefølge',
        'endring: something else entirely',
      ],
    );
  });

  test('refuses structural changes once the window has opened but lets the wording change', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await createRound(store, { year: 2019, template });
    const during = new Date('2020-01-10T10:00:00Z');
    const q = clone(await roundQuestionnaire(store, 2019, 'kommunedirektor'));
    const samarbeid = q.questions.find((x) => x.key === 'samarbeid') as { text: unknown; options: { code: number; label: unknown }[] };
    samarbeid.text = 'Samarbeider kommunen med andre?';
    (samarbeid.options[0] as { label: unknown }).label = 'Ja, det gjør vi';
    const wording = await saveRoundQuestionnaire(store, 2019, 'kommunedirektor', q, 'Kari', during);
    assert.deepEqual(
      wording.changes.map((c) => c.kind),
      ['wording', 'wording'],
    );
    const reordered = clone(await roundQuestionnaire(store, 2019, 'kommunedirektor'));
    const [a, b] = [reordered.questions[3], reordered.questions[4]];
    reordered.questions[3] = b as Record<string, unknown>;
    reordered.questions[4] = a as Record<string, unknown>;
    await assert.rejects(
      saveRoundQuestionnaire(store, 2019, 'kommunedirektor', reordered, 'Kari', during),
      /only wording can change now, not questions \(questions reordered\)/,
    );
    const refused = await saveRoundQuestionnaire(store, 2019, 'kommunedirektor', reordered, 'Kari', during).catch((e: unknown) => e);
    assert.ok(refused instanceof AppError);
    assert.equal(
      refused.text('nb'),
      'svarperioden for 2019 åpnet 2020-01-03, så nå kan bare ordlyden endres, ikke strukturen: questions (spørsmålene har fått ny rekkefølge)',
    );
    const recoded = clone(await roundQuestionnaire(store, 2019, 'kommunedirektor'));
    (recoded.questions.find((x) => x.key === 'samarbeid') as { options: { code: number }[] }).options[1] = {
      code: 5,
      label: 'Nei',
    } as never;
    await assert.rejects(
      saveRoundQuestionnaire(store, 2019, 'kommunedirektor', recoded, 'Kari', during),
      /option 2 removed.*option 5 added/,
    );
    await assert.rejects(
      saveRoundQuestionnaire(
        store,
        2019,
        'kommunedirektor',
        { ...recoded, questions: [{ key: 'x', type: 'single', text: 'X' }] },
        'Kari',
        during,
      ),
      /questions\[0\]/,
    );
    assert.equal((await questionnaireLog(store, 2019, 'kommunedirektor')).length, 1, 'refused saves are not logged');
  });
});
