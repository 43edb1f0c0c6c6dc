/**
 * Reading a structured file (questionnaire, template, report definition, groupings): strict
 * UTF-8, then JSON when it looks like JSON and YAML otherwise (YAML 1.2 reads JSON too, but
 * JSON.parse is faster and its errors are plainer). The yaml package keeps its guards on: keys are
 * unique and alias expansion is capped (an alias bomb is refused, not expanded). A syntax error
 * becomes one message: the parser's English detail in the English wording only, line and column
 * in every language.
 */
import YAML from 'yaml';
import { invalid } from './errors.ts';
import { msg } from './i18n/message.ts';
import { readUtf8 } from './text.ts';

/** Line and column (1-based) of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where a parser error points, if it says (YAML: line and column; JSON: a character position). */
export function syntaxPosition(e: unknown, text: string): { line: number; column: number } | undefined {
  const pos = (e as { linePos?: readonly { line: number; col: number }[] } | null)?.linePos?.[0];
  if (pos) return { line: pos.line, column: pos.col };
  const offset = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
  return offset === undefined ? undefined : positionOf(text, Number(offset));
}

/** Deeper than any file of ours (a questionnaire is about 6 levels deep): more is an attack or an accident. */
export const maxStructuredDepth = 64;

/** The nesting depth of a parsed value, counted without recursion (a hostile file must not overflow the stack). */
export function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (d >= max) return true;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

export function readStructured(input: string | Uint8Array, file: string): unknown {
  const text = readUtf8(input, file);
  const json = file.toLowerCase().endsWith('.json') || /^\s*[{[]/.test(text);
  let value: unknown;
  try {
    value = json ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw invalid(msg('text.too_deep', { file, max: maxStructuredDepth }));
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    const at = syntaxPosition(e, text);
    throw invalid(msg('text.not_yaml', { file, detail: detail.slice(0, 200), ...(at ? { line: at.line, column: at.column } : {}) }));
  }
  if (depthOver(value, maxStructuredDepth)) throw invalid(msg('text.too_deep', { file, max: maxStructuredDepth }));
  return value;
}
