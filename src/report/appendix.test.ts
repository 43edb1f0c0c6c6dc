import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuestionnaire } from '../questionnaire/validate.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniQuestionnaire, miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';
import { appendixQuestionnaire } from './appendix.ts';
import { buildReport } from './build.ts';
import { parseReportDefinition } from './definition.ts';
import { renderReportHtml } from './render.ts';

const mini = () => miniQuestionnaire('kommunedirektor');
const questionsOf = (a: ReturnType<typeof appendixQuestionnaire>) => a.sections.flatMap((s) => s.questions);

describe('the questionnaire appendix', () => {
  it('numbers every question as the form does and words a follow-up and an eligibility condition', () => {
    const a = appendixQuestionnaire('kommunedirektor', parseQuestionnaire(mini()));
    assert.deepEqual(
      a.sections.map((s) => [s.title, s.questions.map((q) => `${q.number} ${q.key}`)]),
      [
        ['Om deg', ['1 rolle']],
        ['Tema', ['2 samarbeid', '3 samarbeid_med', '4 utfordring', '5 kjennskap', '6 har_oversikt', '7 antall', '8 intro_maal']],
      ],
    );
    const q = new Map(questionsOf(a).map((x) => [x.key, x]));
    assert.deepEqual(q.get('samarbeid_med')?.conditions, [
      'Spørsmålet stilles bare hvis svaret på spørsmål 2 («Samarbeider kommunen?») er «Ja».',
    ]);
    assert.deepEqual(q.get('antall')?.conditions, ['Spørsmålet stilles bare hvis svaret på spørsmål 6 («Har dere oversikt?») er «Ja».']);
    assert.deepEqual(q.get('intro_maal')?.conditions, [
      'Stilles bare til enheter der antall deltakere i introduksjonsprogrammet er større enn 0.',
    ]);
    assert.deepEqual(q.get('samarbeid')?.conditions, []);
  });

  it('lists types, options with codes, matrix lines and scale ends', () => {
    const q = new Map(questionsOf(appendixQuestionnaire('kommunedirektor', parseQuestionnaire(mini()))).map((x) => [x.key, x]));
    assert.equal(q.get('rolle')?.type, 'Fritekst, høyst 200 tegn');
    assert.equal(q.get('antall')?.type, 'Tall fra 0 til 500');
    assert.equal(q.get('samarbeid_med')?.type, 'Flere svar mulig');
    assert.deepEqual(q.get('samarbeid_med')?.options, [
      { code: 1, label: 'Politi' },
      { code: 2, label: 'Skole' },
      { code: 3, label: 'Annet (spesifiser)', note: 'med tekstfelt' },
      { code: 4, label: 'Ingen av disse', note: 'utelukker de andre svarene' },
    ]);
    assert.equal(q.get('utfordring')?.scale, 'Skala fra 1 «I liten grad» til 5 «I stor grad»');
    assert.deepEqual(q.get('utfordring')?.options, [{ code: 9, label: 'Vet ikke' }]);
    assert.deepEqual(q.get('kjennskap')?.items, ['nettstedet', 'statistikken']);
    assert.deepEqual(
      q.get('kjennskap')?.options.map((o) => `${o.code} ${o.label}`),
      ['1 Ja', '2 Nei'],
    );
  });

  it('words nested conditions on a matrix line, a multiple choice and a scale, and combined registry conditions', () => {
    const raw = mini();
    const last = raw.questions.at(-1) as Record<string, unknown>;
    last.showIf = {
      any: [
        { question: 'kjennskap', item: 'nettsted', codes: [1] },
        {
          all: [
            { question: 'samarbeid_med', codes: [1, 2] },
            { question: 'utfordring', codes: [4, 5] },
          ],
        },
      ],
    };
    last.eligibleIf = {
      all: [
        { attribute: 'folketall', op: '>=', value: 5000 },
        { attribute: 'ukjent_tall', op: '<', value: 2.5 },
      ],
    };
    const q = questionsOf(appendixQuestionnaire('kommunedirektor', parseQuestionnaire(raw))).at(-1);
    assert.deepEqual(q?.conditions, [
      'Stilles bare til enheter der folketallet er minst 5 000 og ukjent_tall er mindre enn 2,5.',
      'Spørsmålet stilles bare hvis svaret på spørsmål 5 («Kjenner du til …»), linjen «nettstedet», er «Ja» eller ' +
        '(svaret på spørsmål 3 («Med hvem?») har med minst ett av «Politi» eller «Skole» og ' +
        'svaret på spørsmål 4 («Hvor stor er utfordringen?») er 4 eller 5 («I stor grad»)).',
    ]);
  });
});

const definition = (appendix: boolean) => `
title: "Rapport {{year}}"
${appendix ? 'appendix: questionnaires' : ''}
chapters:
  - id: innledning
    title: Innledning
    blocks:
      - text: Tekst.
`;

describeStores('the questionnaire appendix of a report', (test) => {
  test('comes after the chapters with the round’s three questionnaires, in the contents and on the page', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template: writeMiniTemplate() });
    const r = await buildReport(store, 2019, parseReportDefinition(definition(true)));
    assert.deepEqual(
      r.appendix?.questionnaires.map((q) => [q.role, q.sentTo]),
      [
        [
          'integreringsansvarlig',
          'Skjemaet gikk til den som er ansvarlig for integreringsarbeidet i 6 kommuner og 2 bydeler i hovedstaden.',
        ],
        ['kommunedirektor', 'Skjemaet gikk til kommunedirektøren (i bydelene bydelsdirektøren) i 6 kommuner og 2 bydeler i hovedstaden.'],
        ['skolesjef', 'Skjemaet gikk til skolesjefen (kommunalsjef for oppvekst) i 6 kommuner.'],
      ],
    );
    const page = renderReportHtml(r);
    assert.match(page, /<li><a href="#vedlegg-sporreskjema">Vedlegg: Spørreskjemaene<\/a><\/li>/);
    const section = page.slice(page.indexOf('<section class="chapter appendix"'));
    assert.ok(section.length > 0 && page.indexOf('id="innledning"') < page.indexOf('id="vedlegg-sporreskjema"'));
    assert.match(section, /<h3 id="vedlegg-sporreskjema-skolesjef-h">Skjema for skolesjef<\/h3>/);
    assert.match(section, /<span class="q-no">3\.<\/span> Med hvem\?/);
    assert.match(section, /Spørsmålet stilles bare hvis svaret på spørsmål 2 \(«Samarbeider kommunen\?»\) er «Ja»\./);
    assert.match(
      section,
      /<li><span class="code">4<\/span> Ingen av disse <span class="option-note">\(utelukker de andre svarene\)<\/span><\/li>/,
    );
    // A chapter printed alone (to count the PDF's pages) leaves the appendix out.
    assert.doesNotMatch(renderReportHtml(r, { only: 'innledning' }), /class="chapter appendix"/);

    const without = await buildReport(store, 2019, parseReportDefinition(definition(false)));
    assert.equal(without.appendix, undefined);
    assert.doesNotMatch(renderReportHtml(without), /Vedlegg/);
  });

  test('is refused in a definition under a name it does not know', async () => {
    assert.throws(() => parseReportDefinition(definition(true).replace('questionnaires', 'alt')), /appendix/);
  });
});
