import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { miniQuestionnaire, writeMiniTemplate } from '../round/fixtures.ts';
import { loadQuestionnaireFile, loadTemplate } from './template.ts';
import { parseQuestionnaire } from './validate.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-qn-text-'));
const write = (name: string, content: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

/** The mini questionnaire with option 2 of question 3 given a bokmål and English label. */
function withLabel(nb: string) {
  const q = miniQuestionnaire('kommunedirektor');
  const options = q.questions[2]?.options as { code: number; label: unknown }[];
  (options[1] as { label: unknown }).label = { nb, en: 'School' };
  return q;
}

describe('questionnaire files with text the store cannot keep', () => {
  it('refuses a file that is not UTF-8, naming the line and byte', () => {
    const text = YAML.stringify(withLabel('Skole@'));
    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.indexOf('Skole@') + 5] = 0xe6; // a Latin-1 "æ"
    const line = text.slice(0, text.indexOf('Skole@')).split('\n').length;
    const column = text.split('\n')[line - 1]?.indexOf('Skole@') as number;
    assert.throws(() => loadQuestionnaireFile(write('latin1.yaml', bytes)), {
      message: `latin1.yaml line ${line}, byte ${column + 6}: the file is not UTF-8 (byte 0xE6); save it as UTF-8`,
    });
  });

  it('refuses a NUL in an option label, naming the path of the field', () => {
    const file = write('nul.yaml', YAML.stringify(withLabel('Sk\u0000ole')));
    assert.match(fs.readFileSync(file, 'utf8'), /"Sk\\0ole"/, 'written as a YAML escape');
    assert.throws(() => loadQuestionnaireFile(file), {
      message:
        'kommunedirektor.questions[2].options[1].label.nb: the text holds a control character U+0000 (NUL) at character 3; remove it',
    });
  });

  it('refuses a lone surrogate from a JSON escape and a C1 control character in a question text', () => {
    const json = JSON.stringify(withLabel('Skole')).replace('"Skole"', '"Sk\\ud800ole"');
    assert.throws(() => loadQuestionnaireFile(write('surrogate.json', json)), {
      message:
        /^kommunedirektor\.questions\[2\]\.options\[1\]\.label\.nb: the text holds an invalid character U\+D800 \(a lone surrogate\)/,
    });
    const q = miniQuestionnaire('kommunedirektor');
    (q.questions[0] as { text: string }).text = 'Hva er din rolle\u0085';
    assert.throws(() => parseQuestionnaire(q), {
      message: /^kommunedirektor\.questions\[0\]\.text: the text holds a control character U\+0085/,
    });
  });

  it('keeps a huge role name out of the message', () => {
    const q = { ...withLabel('Sk\u0000ole'), role: 'x'.repeat(100_000) };
    assert.throws(() => parseQuestionnaire(q), { message: /^questionnaire\.questions\[2\]\.options\[1\]\.label\.nb: / });
  });

  it('refuses a control character in template.yaml, naming the field', () => {
    const templateDir = writeMiniTemplate();
    const meta = path.join(templateDir, 'template.yaml');
    fs.writeFileSync(meta, fs.readFileSync(meta, 'utf8').replace('title: Mini', 'title: "Mi\\x07ni"'));
    assert.throws(() => loadTemplate(templateDir), {
      message: 'template.yaml: title: the text holds a control character U+0007 (BEL) at character 3; remove it',
    });
  });
});
