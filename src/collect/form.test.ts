import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuestionnaire } from '../questionnaire/validate.ts';
import { miniQuestionnaire } from '../round/fixtures.ts';
import { answersToRaw, rawFieldsOf, readSection } from './form.ts';

const qn = parseQuestionnaire(miniQuestionnaire('kommunedirektor'), 'kommunedirektor');
const q = (key: string) => {
  const found = qn.questions.find((x) => x.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('reading a page of the form', () => {
  it('reads every question type from the posted fields', () => {
    const read = readSection([q('rolle'), q('samarbeid'), q('samarbeid_med'), q('utfordring'), q('kjennskap'), q('antall')], {
      'q.rolle': '  Rådmann ',
      'q.samarbeid': '1',
      'q.samarbeid_med': ['1', '3'],
      'q.samarbeid_med.tekst': 'NAV',
      'q.utfordring': '4',
      'q.kjennskap.nettsted': '1',
      'q.antall': '1 200',
    });
    assert.deepEqual(
      read.errors.map((e) => e.problem.code),
      ['above_max'],
    );
    assert.deepEqual(read.answers.get('rolle'), { kind: 'text', value: 'Rådmann' });
    assert.deepEqual(read.answers.get('samarbeid'), { kind: 'codes', codes: [1] });
    assert.deepEqual(read.answers.get('samarbeid_med'), { kind: 'codes', codes: [1, 3], text: 'NAV' });
    assert.deepEqual(read.answers.get('utfordring'), { kind: 'codes', codes: [4] });
    assert.deepEqual(read.answers.get('kjennskap'), { kind: 'items', items: { nettsted: 1 } });
    assert.equal(read.answers.get('antall'), null, 'an answer with a problem is not taken');
  });

  it('accepts a number written with a space or a no-break space as thousands separator', () => {
    const read = readSection([q('antall')], { 'q.antall': '4\u00a000' });
    assert.deepEqual(read.answers.get('antall'), { kind: 'number', value: 400 });
  });

  it('rejects text in a number field and points the error at the input', () => {
    const read = readSection([q('antall')], { 'q.antall': 'tolv' });
    assert.deepEqual(read.errors, [{ question: 'antall', target: 'f-antall', problem: { code: 'not_a_number' } }]);
  });

  it('asks for the text when "annet, spesifiser" is ticked without one', () => {
    const read = readSection([q('samarbeid_med')], { 'q.samarbeid_med': ['3'] });
    assert.equal(read.errors[0]?.problem.code, 'specify_missing');
    assert.equal(read.errors[0]?.target, 'f-samarbeid_med-tekst');
  });

  it('refuses a description without the option it belongs to', () => {
    const read = readSection([q('samarbeid_med')], { 'q.samarbeid_med.tekst': 'NAV' });
    assert.equal(read.errors[0]?.problem.code, 'specify_without_option');
  });

  it('refuses an exclusive option combined with others', () => {
    const read = readSection([q('samarbeid_med')], { 'q.samarbeid_med': ['1', '4'] });
    assert.equal(read.errors[0]?.problem.code, 'exclusive');
  });

  it('refuses two answers to a single-choice question and an unknown code', () => {
    assert.equal(readSection([q('samarbeid')], { 'q.samarbeid': ['1', '2'] }).errors[0]?.problem.code, 'one_only');
    assert.equal(readSection([q('samarbeid')], { 'q.samarbeid': '7' }).errors.length, 1);
  });

  it('leaves an optional question unanswered without an error, and requires a required one', () => {
    assert.deepEqual(readSection([q('samarbeid')], {}).errors, []);
    const required = { ...q('samarbeid'), required: true } as ReturnType<typeof q>;
    assert.equal(readSection([required], { 'q.samarbeid': ' ' }).errors[0]?.problem.code, 'required');
  });

  it('keeps exactly the fields of the page in a draft and shows stored answers as fields', () => {
    const raw = {
      'q.antall': 'x',
      'q.samarbeid_med': ['1'],
      'q.samarbeid_med.tekst': 'y',
      _csrf: 'secret',
      action: 'next',
      'q.other': '1',
    };
    assert.deepEqual(rawFieldsOf([q('antall'), q('samarbeid_med')], raw), {
      'q.antall': 'x',
      'q.samarbeid_med': ['1'],
      'q.samarbeid_med.tekst': 'y',
    });
    const answers = readSection([q('samarbeid_med'), q('kjennskap')], {
      'q.samarbeid_med': ['3'],
      'q.samarbeid_med.tekst': 'NAV',
      'q.kjennskap.statistikk': '2',
    }).answers;
    const stored = new Map([...answers].flatMap(([k, a]) => (a ? [[k, a] as const] : [])));
    assert.deepEqual(answersToRaw([q('samarbeid_med'), q('kjennskap')], stored), {
      'q.samarbeid_med': ['3'],
      'q.samarbeid_med.tekst': 'NAV',
      'q.kjennskap.statistikk': '2',
    });
  });
});

describe('a posted field with a character the store cannot keep', () => {
  it('is a field error on its question, not an answer', () => {
    const read = readSection([q('rolle'), q('samarbeid')], { 'q.rolle': 'Råd\u0000mann', 'q.samarbeid': '1' });
    assert.deepEqual(read.errors, [{ question: 'rolle', target: 'f-rolle', problem: { code: 'forbidden_character' } }]);
    assert.equal(read.answers.get('rolle'), null);
    assert.deepEqual(read.answers.get('samarbeid'), { kind: 'codes', codes: [1] }, 'the other questions are read as usual');
  });

  it('points at the "annet" text box when that is where the character is', () => {
    const read = readSection([q('samarbeid_med')], { 'q.samarbeid_med': ['3'], 'q.samarbeid_med.tekst': 'NAV\u001b' });
    assert.deepEqual(read.errors[0], {
      question: 'samarbeid_med',
      target: 'f-samarbeid_med-tekst',
      problem: { code: 'forbidden_character' },
    });
  });

  it('is found in a matrix item and a number field too', () => {
    const matrix = readSection([q('kjennskap')], { 'q.kjennskap.nettsted': '1\u0000' });
    assert.equal(matrix.errors[0]?.problem.code, 'forbidden_character');
    assert.equal(readSection([q('antall')], { 'q.antall': '12\u0007' }).errors[0]?.problem.code, 'forbidden_character');
  });

  it('is kept in the draft as U+FFFD, which reads back as the same error', () => {
    const raw = { 'q.rolle': 'Råd\u0000mann\u0085', 'q.samarbeid_med': ['1\u0000'], 'q.ukjent\u0000': 'x', 'q.rolle.skjult': '\u0000' };
    const draft = rawFieldsOf([q('rolle'), q('samarbeid_med')], raw);
    assert.deepEqual(draft, { 'q.rolle': 'Råd\uFFFDmann\uFFFD', 'q.samarbeid_med': ['1\uFFFD'] });
    assert.deepEqual(
      readSection([q('rolle')], draft).errors.map((e) => e.problem.code),
      ['forbidden_character'],
    );
  });

  it('ignores hidden and unknown fields, as before', () => {
    const read = readSection([q('rolle')], { 'q.rolle': 'Rådmann', 'q.rolle.skjult': '\u0000', 'q.annet': '\u0000', _csrf: '\u0000' });
    assert.deepEqual(read.errors, []);
    assert.deepEqual(read.answers.get('rolle'), { kind: 'text', value: 'Rådmann' });
  });
});
