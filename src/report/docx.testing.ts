/**
 * Test helper: opens a DOCX the way a reader does, without Word: the ZIP's central directory,
 * each part inflated, word/document.xml checked to be well-formed XML and read as paragraphs
 * (style and text, field results included), tables and images.
 */
import assert from 'node:assert/strict';
import zlib from 'node:zlib';

/** Every file of a ZIP archive by name (stored or deflated entries, as Word and `docx` write them). */
export function unzip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'no end of central directory: not a ZIP file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Fails unless every element of the XML is closed in order (and nothing but one root is at the top). */
export function assertWellFormed(xml: string, name: string): void {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g)) {
    const [, close, tag, , selfClose] = m;
    if (selfClose) continue;
    if (close) assert.equal(stack.pop(), tag, `${name}: </${tag}> closes the wrong element`);
    else stack.push(tag as string);
  }
  assert.deepEqual(stack, [], `${name}: elements left open`);
  // Anything that looks like a tag but did not match above is broken markup.
  const tags = body.match(/<[^>]*>/g) ?? [];
  const ok = /^<\/?[A-Za-z_][\w:.-]*((?:\s+[\w:.-]+="[^"]*")*)\s*\/?>$/;
  const bad = tags.filter((t) => !ok.test(t));
  assert.deepEqual(bad.slice(0, 3), [], `${name}: malformed tags`);
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] as string);

export interface DocxParagraph {
  readonly style: string | null;
  readonly text: string;
}

export interface OpenedDocx {
  readonly files: Map<string, Buffer>;
  readonly xml: string;
  readonly paragraphs: readonly DocxParagraph[];
  /** Tables at the top level of the body (each `w:tbl` with its rows' cell texts). */
  readonly tables: readonly string[][][];
  readonly images: number;
}

/** A DOCX opened and read: its parts, and document.xml as paragraphs, tables and images. */
export function openDocx(docx: Buffer): OpenedDocx {
  const files = unzip(docx);
  for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) assert.ok(files.has(name), `${name} is in the DOCX`);
  const xml = (files.get('word/document.xml') as Buffer).toString('utf8');
  assertWellFormed(xml, 'word/document.xml');
  const textOf = (p: string) => unescapeXml([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const paragraphs = [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1] as string)?.[1] ?? null,
    text: textOf(m[1] as string),
  }));
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] as string).matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] as string).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1] as string)),
    ),
  );
  return { files, xml, paragraphs, tables, images: (xml.match(/<pic:pic\b/g) ?? []).length };
}
