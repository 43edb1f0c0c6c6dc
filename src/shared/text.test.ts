import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from './errors.ts';
import { say } from './i18n/message.ts';
import {
  decodeUtf8,
  findForbidden,
  findForbiddenIn,
  firstInvalidUtf8,
  forbiddenProblem,
  quoteShort,
  readUtf8,
  replaceForbidden,
} from './text.ts';
import { formatPath } from './validation.ts';

describe('forbidden characters', () => {
  it('finds NUL with its line and column in the string', () => {
    assert.deepEqual(findForbidden('første linje\nab\u0000c'), { index: 15, codePoint: 0, line: 2, column: 3 });
  });

  it('finds every C0 control character except TAB, LF and CR', () => {
    for (let cp = 0; cp < 0x20; cp++) {
      const found = findForbidden(`x${String.fromCharCode(cp)}`);
      if (cp === 0x09 || cp === 0x0a || cp === 0x0d) assert.equal(found, undefined, `U+${cp.toString(16)} is allowed`);
      else assert.equal(found?.codePoint, cp, `U+${cp.toString(16)} is refused`);
    }
  });

  it('finds DEL and the C1 control characters', () => {
    assert.equal(findForbidden('a\u007fb')?.codePoint, 0x7f);
    assert.equal(findForbidden('â\u0080\u0099')?.codePoint, 0x80);
    assert.equal(findForbidden('a\u009f')?.codePoint, 0x9f);
    assert.equal(findForbidden('a\u00a0b'), undefined, 'a no-break space is text');
  });

  it('finds the noncharacters U+FFFE, U+FFFF, U+FDD0 and U+1FFFF', () => {
    for (const s of ['\uFFFE', '\uFFFF', '\uFDD0', '\u{1FFFF}']) assert.equal(findForbidden(`ok ${s}`)?.column, 4, JSON.stringify(s));
  });

  it('finds lone surrogates but not a surrogate pair', () => {
    assert.equal(findForbidden('a\uD800b')?.codePoint, 0xd800);
    assert.equal(findForbidden('a\uDC00')?.codePoint, 0xdc00);
    assert.equal(findForbidden('smil 😀 og ø'), undefined);
  });

  it('counts the column in characters, so an emoji before the NUL counts once', () => {
    assert.equal(findForbidden('😀\u0000')?.column, 2);
  });

  it('allows TAB, line breaks, æøå and a real U+FFFD', () => {
    assert.equal(findForbidden('Sørfjordåsen\tÆ\r\nlinje 2 \uFFFD'), undefined);
  });

  it('replaces forbidden characters by U+FFFD', () => {
    assert.equal(replaceForbidden('a\u0000b\u0007c\uD800'), 'a\uFFFDb\uFFFDc\uFFFD');
  });

  it('names the path of the first string with a forbidden character in a parsed value', () => {
    const value = { questions: [{ key: 'a' }, { options: [{ label: { nb: 'ok' } }, { label: { nb: 'Ja\u0000' } }] }] };
    assert.deepEqual(findForbiddenIn(value)?.path, ['questions', 1, 'options', 1, 'label', 'nb']);
    const problem = forbiddenProblem(value, (p) => formatPath(p, 'kommunedirektor'));
    assert.ok(problem);
    assert.equal(
      say(problem, 'en'),
      'kommunedirektor.questions[1].options[1].label.nb: the text holds a control character U+0000 (NUL) at character 3; remove it',
    );
    assert.equal(
      say(problem, 'nb'),
      'kommunedirektor.questions[1].options[1].label.nb: teksten inneholder et kontrolltegn U+0000 (NUL) ved tegn 3; fjern det',
    );
    assert.equal(
      forbiddenProblem({ a: ['fine', 1, null, true] }, (p) => formatPath(p)),
      undefined,
    );
  });

  it('finds a forbidden character in a key of a parsed value', () => {
    const found = findForbiddenIn({ sections: { 'a\u0001': 1 } });
    assert.deepEqual([found?.path, found?.inKey], [['sections'], true]);
  });

  it('words the problem in bokmål, nynorsk and English, with the line of a multi-line text', () => {
    const problem = forbiddenProblem({ tekst: 'første\nan\u0085dre' }, (p) => formatPath(p));
    assert.ok(problem);
    assert.deepEqual(
      (['nb', 'nn', 'en'] as const).map((lang) => say(problem, lang)),
      [
        'tekst: teksten inneholder et kontrolltegn U+0085 (et C1-kontrolltegn) på linje 2, tegn 3; fjern det',
        'tekst: teksten inneheld eit kontrollteikn U+0085 (eit C1-kontrollteikn) på linje 2, teikn 3; fjern det',
        'tekst: the text holds a control character U+0085 (a C1 control character) at line 2, character 3; remove it',
      ],
    );
    const inKey = forbiddenProblem({ 'a\uFFFE': 1 }, (p) => formatPath(p));
    assert.ok(inKey);
    assert.equal(say(inKey, 'nb'), 'en nøkkel inneholder et reservert tegn U+FFFE (et ikke-tegn) ved tegn 2 i nøkkelen; fjern det');
    assert.equal(say(inKey, 'en'), 'a key holds a noncharacter U+FFFE (a noncharacter) at character 2 of the key; remove it');
  });
});

describe('strict UTF-8', () => {
  it('reports the line and byte column of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\nø,c\nxyz,'), Buffer.from([0xf8]), Buffer.from('\n')]);
    const r = decodeUtf8(bytes);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual([r.line, r.column, r.byte, r.offset], [3, 5, 0xf8, 13]);
  });

  it('reports a bad first byte as line 1, byte 1, whatever follows', () => {
    const r = decodeUtf8(Buffer.concat([Buffer.from([0xff]), Buffer.from('a\nb\n')]));
    assert.deepEqual(r.ok ? undefined : [r.line, r.column], [1, 1]);
  });

  it('refuses overlong forms, encoded surrogates, code points above U+10FFFF and cut sequences', () => {
    assert.equal(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf])), 1, 'overlong /');
    assert.equal(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0xaf])), 0, 'overlong 3-byte');
    assert.equal(firstInvalidUtf8(Buffer.from([0x41, 0x41, 0xed, 0xa0, 0x80])), 2, 'encoded surrogate');
    assert.equal(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
    assert.equal(firstInvalidUtf8(Buffer.from([0x41, 0xe2, 0x82])), 1, 'cut at the end');
    assert.equal(firstInvalidUtf8(Buffer.from('æøå 😀 \uFFFD', 'utf8')), Buffer.byteLength('æøå 😀 \uFFFD'), 'all valid');
  });

  it('accepts a real U+FFFD in valid UTF-8 and drops a BOM', () => {
    const r = decodeUtf8(Buffer.from('\uFEFFnavn\nukjent \uFFFD tegn\n', 'utf8'));
    assert.deepEqual(r, { ok: true, text: 'navn\nukjent \uFFFD tegn\n' });
  });

  it('throws an input error naming the file, line and byte', () => {
    const bytes = Buffer.concat([Buffer.from('linje 1\nlinje 2\nlinje 3\nab'), Buffer.from([0xe6, 0x72])]);
    assert.throws(
      () => readUtf8(bytes, 'fil.csv'),
      (e) =>
        e instanceof AppError &&
        e.code === 'invalid_input' &&
        e.message === 'fil.csv line 4, byte 3: the file is not UTF-8 (byte 0xE6); save it as UTF-8' &&
        e.text('nn') === 'fil.csv linje 4, byte 3: fila er ikkje UTF-8 (byte 0xE6); lagre ho som UTF-8',
    );
  });
});

describe('quoting user input in messages', () => {
  it('cuts long input to 60 characters and an ellipsis', () => {
    const q = quoteShort('x'.repeat(1_000_000));
    assert.equal(q, `"${'x'.repeat(60)}…"`);
  });

  it('keeps short input whole and shows forbidden characters and line breaks harmlessly', () => {
    assert.equal(quoteShort('12a'), '"12a"');
    assert.equal(quoteShort('a\u0000b\nc'), '"a\uFFFDb c"');
  });
});
