/**
 * The byte level of an SPSS system file: little-endian int32 and float64 fields, fixed-width
 * text fields, and the "bytecode" compression of case data (8 opcodes, then the 8-byte values
 * that the opcodes 253 announce). See sav.ts for what is written with these.
 */

/** Cuts a text to at most `max` UTF-8 bytes without splitting a character. */
export function cutUtf8(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** Collects the fields of a file, in order. */
export class ByteWriter {
  private readonly parts: Buffer[] = [];

  int32(...values: number[]): this {
    const b = Buffer.alloc(4 * values.length);
    for (const [i, v] of values.entries()) b.writeInt32LE(v, 4 * i);
    this.parts.push(b);
    return this;
  }

  float64(...values: number[]): this {
    const b = Buffer.alloc(8 * values.length);
    for (const [i, v] of values.entries()) b.writeDoubleLE(v, 8 * i);
    this.parts.push(b);
    return this;
  }

  bytes(b: Buffer): this {
    this.parts.push(b);
    return this;
  }

  /** `text` in UTF-8 in a field of exactly `width` bytes, padded with `fill` (space unless told). */
  fixed(text: string, width: number, fill = 0x20): this {
    const b = Buffer.alloc(width, fill);
    Buffer.from(cutUtf8(text, width), 'utf8').copy(b);
    this.parts.push(b);
    return this;
  }

  zeros(n: number): this {
    this.parts.push(Buffer.alloc(n));
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** Opcodes of the simple ("bytecode") compression, bias 100. */
export const compressionBias = 100;
const opSysmis = 255;
const opSpaces = 254;
const opRaw = 253;
const eightSpaces = Buffer.alloc(8, 0x20);

/**
 * Compressed case data: each block is 8 opcodes followed by the raw 8-byte values some of them
 * announce. Blocks run on across cases; the last one is padded with opcode 0 (ignored).
 */
export class CompressedCases {
  private readonly out: Buffer[] = [];
  private ops = Buffer.alloc(8);
  private nOps = 0;
  private raw: Buffer[] = [];

  private op(code: number, raw?: Buffer): void {
    if (this.nOps === 8) this.flush();
    this.ops[this.nOps++] = code;
    if (raw) this.raw.push(raw);
  }

  private flush(): void {
    if (this.nOps === 0) return;
    this.out.push(this.ops, ...this.raw);
    this.ops = Buffer.alloc(8);
    this.nOps = 0;
    this.raw = [];
  }

  /** A numeric value; NaN is system-missing. */
  number(x: number): void {
    if (Number.isNaN(x)) this.op(opSysmis);
    else if (Number.isInteger(x) && x >= 1 - compressionBias && x <= 251 - compressionBias) this.op(x + compressionBias);
    else {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(x);
      this.op(opRaw, b);
    }
  }

  /** A string segment, its length a multiple of 8 (space-padded by the caller). */
  string(segment: Buffer): void {
    for (let i = 0; i < segment.length; i += 8) {
      const chunk = segment.subarray(i, i + 8);
      if (chunk.equals(eightSpaces)) this.op(opSpaces);
      else this.op(opRaw, chunk);
    }
  }

  toBuffer(): Buffer {
    this.flush();
    return Buffer.concat(this.out);
  }
}
