import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReportDefinition } from './definition.ts';

const definition = (title: string) => `title: Rapport\nchapters:\n  - title: ${title}\n    blocks:\n      - text: Innledning\n`;

describe('report definitions with text the store cannot keep', () => {
  it('reads a definition given as UTF-8 bytes', () => {
    assert.equal(parseReportDefinition(Buffer.from(definition('Første kapittel')), 'r.yaml').chapters[0]?.title, 'Første kapittel');
  });

  it('refuses bytes that are not UTF-8, naming the line and byte', () => {
    const bytes = Buffer.from(definition('Kapittel #'));
    bytes[bytes.indexOf('#')] = 0xf8;
    assert.throws(() => parseReportDefinition(bytes, 'r.yaml'), {
      message: 'r.yaml line 3, byte 21: the file is not UTF-8 (byte 0xF8); save it as UTF-8',
    });
  });

  it('refuses a control character in a chapter title, naming the path', () => {
    assert.throws(() => parseReportDefinition(definition('"Ka\\x01pittel"'), 'r.yaml'), {
      message: 'r.yaml: chapters[0].title: the text holds a control character U+0001 (SOH) at character 3; remove it',
    });
  });
});
