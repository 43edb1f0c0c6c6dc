import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldError } from '../../collect/form.ts';
import type { Language, Question } from '../../questionnaire/model.ts';
import { renderQuestion } from './render.ts';
import { strings } from './strings.ts';

const render = (q: Question, lang: Language = 'nb', errors: FieldError[] = []) =>
  renderQuestion({ lang, t: strings[lang], raw: {}, errors }, q, 1, true).value;

describe('free-text fields', () => {
  it('limit a text box to the default 4 000 characters and say so under the label', () => {
    const body = render({ key: 'kommentar', type: 'text', text: 'Kommentar' });
    assert.match(body, /<p class="hint" id="f-kommentar-max">Høyst 4\u00a0000 tegn<\/p>/);
    assert.match(body, /<textarea id="f-kommentar" name="q\.kommentar" rows="4" maxlength="4000" aria-describedby="f-kommentar-max">/);
  });

  it('use the questionnaire’s own maximum on a one-line field, in the respondent’s language', () => {
    const q: Question = { key: 'rolle', type: 'text', text: 'Rolle', help: 'Stilling', maxLength: 200 };
    const nb = render(q);
    assert.match(
      nb,
      /<input type="text" id="f-rolle" name="q\.rolle" value="" maxlength="200" aria-describedby="f-rolle-hint f-rolle-max">/,
    );
    assert.match(nb, />Høyst 200 tegn</);
    assert.match(render(q, 'nn'), />Høgst 200 teikn</);
    assert.match(render({ ...q, maxLength: 12000 }, 'en'), />At most 12,000 characters</);
  });

  it('keep the error tied to the field beside the hint', () => {
    const body = render({ key: 'rolle', type: 'text', text: 'Rolle', maxLength: 200 }, 'nb', [
      { question: 'rolle', target: 'f-rolle', problem: { code: 'too_long', max: 200 } },
    ]);
    assert.match(body, /aria-describedby="f-rolle-max f-rolle-error" aria-invalid="true"/);
  });

  it('limit the "describe" box of an "other" option and say so', () => {
    const body = render({
      key: 'med',
      type: 'multi',
      text: 'Med hvem?',
      options: [
        { code: 1, label: 'Skole' },
        { code: 3, label: 'Annet', specify: true },
      ],
    });
    assert.match(
      body,
      /<p class="hint" id="f-med-tekst-max">Høyst 4\u00a0000 tegn<\/p><input type="text" id="f-med-tekst"[^>]* maxlength="4000"[^>]* aria-describedby="f-med-tekst-max">/,
    );
  });
});
