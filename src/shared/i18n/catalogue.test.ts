/**
 * The catalogue as a whole: each key lives in exactly one area table and is worded in bokmål,
 * nynorsk and English; and the source does not go around it. The scan reads every module under
 * src (tests excluded) with the TypeScript parser and refuses the two ways English text of ours
 * reached Norwegian pages before: a zod refinement or custom issue with a plain string message
 * (it is worded as it stands in every language), and a page that shows a caught error's
 * `.message`/`.details` (the English wording) instead of `text('nb')`/`texts('nb')`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { catalogue, tables } from './catalogue.ts';
import { langs } from './types.ts';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the message catalogue', () => {
  it('has each key in exactly one table, and every table in the catalogue', () => {
    const owner = new Map<string, string[]>();
    for (const [table, texts] of Object.entries(tables)) {
      for (const key of Object.keys(texts)) owner.set(key, [...(owner.get(key) ?? []), table]);
    }
    const twice = [...owner].filter(([, t]) => t.length > 1).map(([key, t]) => `${key} (${t.join(', ')})`);
    assert.deepEqual(twice, [], 'keys in more than one table');
    const listed = new Set(owner.keys());
    assert.deepEqual(
      Object.keys(catalogue).filter((k) => !listed.has(k)),
      [],
      'keys of the catalogue whose table is missing from `tables`',
    );
    assert.deepEqual(
      [...listed].filter((k) => !(k in catalogue)),
      [],
      'keys of a table that is missing from the catalogue',
    );
  });

  it('names every key area.what in snake_case', () => {
    const bad = Object.keys(catalogue).filter((k) => !/^[a-z]+\.[a-z0-9]+(_[a-z0-9]+)*$/.test(k));
    assert.deepEqual(bad, []);
  });

  it('words every message in nb, nn and en, and in nothing else', () => {
    const missing: string[] = [];
    for (const [key, wording] of Object.entries(catalogue)) {
      const w = wording as Record<string, unknown>;
      for (const lang of langs) if (typeof w[lang] !== 'function') missing.push(`${key}: ${lang}`);
      for (const other of Object.keys(w))
        if (!(langs as readonly string[]).includes(other)) missing.push(`${key}: unknown language ${other}`);
    }
    assert.deepEqual(missing, []);
  });
});

// ---------------------------------------------------------------------------------------------
// The source scan

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function visit(node: ts.Node, f: (n: ts.Node) => void): void {
  f(node);
  node.forEachChild((child) => visit(child, f));
}

const where = (file: ts.SourceFile, node: ts.Node) =>
  `${path.relative(src, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${node
    .getText(file)
    .replace(/\s+/g, ' ')
    .slice(0, 120)}`;

const calledName = (call: ts.CallExpression) => (ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined);

const isText = (n: ts.Node) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);

/** `{ …, message: '…' }` (or `error:`, or a shorthand `message`) without `...issue(m)`. */
function plainMessageObject(n: ts.Node): boolean {
  if (!ts.isObjectLiteralExpression(n)) return false;
  const viaIssue = n.properties.some(
    (p) =>
      ts.isSpreadAssignment(p) &&
      ts.isCallExpression(p.expression) &&
      ts.isIdentifier(p.expression.expression) &&
      p.expression.expression.text === 'issue',
  );
  const named = n.properties.some(
    (p) =>
      (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
      ts.isIdentifier(p.name) &&
      (p.name.text === 'message' || p.name.text === 'error'),
  );
  return named && !viaIssue;
}

/**
 * Our own zod checks with a plain message: `.refine(fn, '…')`, `.refine(fn, { message: '…' })`,
 * `.regex(re, '…')` and `ctx.addIssue({ …, message: '…' })` or `ctx.addIssue('…')`.
 */
function plainZodMessages(file: ts.SourceFile): string[] {
  const found: string[] = [];
  visit(file, (n) => {
    if (!ts.isCallExpression(n)) return;
    const name = calledName(n);
    const params = name === 'refine' || name === 'regex' ? n.arguments[1] : name === 'addIssue' ? n.arguments[0] : undefined;
    if (params && (isText(params) || plainMessageObject(params))) found.push(where(file, n));
  });
  return found;
}

/** Names bound to a caught error: `catch (e)` and the first parameter of `app.onError((err, c) => …)`. */
function errorNames(file: ts.SourceFile): Set<ts.Symbol | string> {
  const names = new Set<ts.Symbol | string>();
  visit(file, (n) => {
    if (ts.isCatchClause(n) && n.variableDeclaration && ts.isIdentifier(n.variableDeclaration.name)) {
      names.add(n.variableDeclaration.name.text);
    }
    if (ts.isCallExpression(n) && calledName(n) === 'onError') {
      const handler = n.arguments[0];
      const first = handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) ? handler.parameters[0] : undefined;
      if (first && ts.isIdentifier(first.name)) names.add(first.name.text);
    }
  });
  return names;
}

/**
 * A caught error's `.message` or `.details` passed on whole in the web (src/server): shown in
 * `c.html(…)`, interpolated, put in a page's problem list or handed to a helper. Taking it apart
 * (`e.message.split('\n')[0]`, a parser's detail for the English wording) and logging it are fine.
 */
function errorTextOnPages(file: ts.SourceFile): string[] {
  const errors = errorNames(file);
  if (errors.size === 0) return [];
  const found: string[] = [];
  const isLog = (n: ts.Node) =>
    ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.expression.getText(file) === 'console';
  const scan = (n: ts.Node): void => {
    if (isLog(n)) return;
    if (
      ts.isPropertyAccessExpression(n) &&
      (n.name.text === 'message' || n.name.text === 'details') &&
      ts.isIdentifier(n.expression) &&
      errors.has(n.expression.text) &&
      !(ts.isPropertyAccessExpression(n.parent) || ts.isElementAccessExpression(n.parent)) // taken apart, not shown
    ) {
      found.push(where(file, n));
    }
    n.forEachChild(scan);
  };
  scan(file);
  return found;
}

describe('the source', () => {
  const files = sourceFiles(src).map(parse);

  it('gives every zod refinement and custom issue of ours a catalogue message, not a plain string', () => {
    assert.deepEqual(
      files.flatMap(plainZodMessages),
      [],
      "use `.refine(fn, issue(msg('area.what')))` or `ctx.addIssue({ code: 'custom', path, ...issue(msg('area.what')) })`",
    );
  });

  it('shows no caught error’s English message on a web page', () => {
    assert.deepEqual(
      files.filter((f) => f.fileName.startsWith(path.join(src, 'server') + path.sep)).flatMap(errorTextOnPages),
      [],
      "pages word errors with `e.text('nb')` / `e.texts('nb')`",
    );
  });

  it('finds what it looks for (the scan is not blind)', () => {
    const sample = (text: string) => ts.createSourceFile(path.join(src, 'server', 'x.ts'), text, ts.ScriptTarget.Latest, true);
    const zod = sample(`
      const a = z.string().refine((s) => s !== '', 'the text is empty');
      const b = z.string().refine((s) => s !== '', { message: 'the text is empty' });
      const c = z.string().regex(/^a$/, \`keys are \${x}\`);
      const d = z.object({}).superRefine((v, ctx) => ctx.addIssue({ code: 'custom', path: ['x'], message }));
      const ok1 = z.string().refine((s) => s !== '', issue(msg('report.id_format')));
      const ok2 = z.object({}).superRefine((v, ctx) => ctx.addIssue({ code: 'custom', path: ['x'], ...issue(m) }));
      const ok3 = z.string().regex(/^a$/);`);
    assert.deepEqual(
      plainZodMessages(zod).map((w) => w.split(':')[1]),
      ['2', '3', '4', '5'],
    );
    const pages = sample(`
      app.onError((err, c) => c.html(page('Feil', html\`<p>\${err.message}</p>\`)));
      try { x(); } catch (e) {
        c.html(contactsPage({ error: { message: e.message, details: e.details } }));
        outreach(c, { error: \`Kan ikke sende: \${e.message}\` });
        return again([{ field: '', message: e.message }]);
        const detail = e.message.split('\\n')[0];
        console.warn(\`failed: \${e.message}\`);
        c.html(page('Feil', html\`<p>\${e.text('nb')}</p>\`));
        const m = other.message;
      }`);
    assert.deepEqual(
      errorTextOnPages(pages).map((w) => w.split(':').slice(1, 3).join(':')),
      ['2: err.message', '4: e.message', '4: e.details', '5: e.message', '6: e.message'],
    );
  });
});
