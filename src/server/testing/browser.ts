/**
 * Test helper: Debian's Chromium through playwright-core (never a downloaded browser), and what
 * the browser tests do with a respondent's page: fill in and read back fields by the form's input
 * ids, follow a form or link to the next page, find focus, and check a page with axe-core, at
 * 320 px and (with KOMMUNEPULS_SCREENSHOTS) in screenshots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { testScreenshotDir } from '../../config/config.ts';

let launched: Promise<Browser> | undefined;
const browser = () => {
  launched ??= chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return launched;
};

/** Closes the browser, if one was launched (an `after` hook of the test file). */
export async function closeBrowser(): Promise<void> {
  if (launched) await (await launched).close();
}

export async function newPage(options: { js: boolean; bypassCSP?: boolean; width?: number }): Promise<Page> {
  const ctx = await (await browser()).newContext({
    javaScriptEnabled: options.js,
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: options.width ?? 1024, height: 800 },
  });
  return ctx.newPage();
}

// ---------------------------------------------------------------------------------------------
// Filling in and reading back the form. Input ids are `f-KEY[-ITEM][-CODE]`, `f-KEY-tekst`.

export type Fill =
  | { readonly q: string; readonly item?: string; readonly code: number }
  | { readonly q: string; readonly text: string }
  | { readonly q: string; readonly specify: string };

export const idOf = (f: Fill) =>
  'code' in f ? ['f', f.q, f.item, f.code].filter((p) => p !== undefined).join('-') : 'specify' in f ? `f-${f.q}-tekst` : `f-${f.q}`;
const wanted = (f: Fill): string | boolean => ('code' in f ? true : 'specify' in f ? f.specify : f.text);

export async function fill(page: Page, fills: readonly Fill[]): Promise<void> {
  for (const f of fills) {
    const input = page.locator(`#${idOf(f)}`);
    if ('code' in f) await input.check();
    else await input.fill(String(wanted(f)));
  }
}

/** Asserts the page shows these answers (ticked, or the typed text). */
export async function assertShows(page: Page, fills: readonly Fill[], when: string): Promise<void> {
  const shown: Record<string, string | boolean> = {};
  for (const f of fills) {
    const input = page.locator(`#${idOf(f)}`);
    shown[idOf(f)] = 'code' in f ? await input.isChecked() : await input.inputValue();
  }
  assert.deepEqual(shown, Object.fromEntries(fills.map((f) => [idOf(f), wanted(f)])), when);
}

/** Clicks a button or link that loads another page; the status of the page shown. */
export async function go(page: Page, click: () => Promise<void>): Promise<number> {
  const [res] = await Promise.all([page.waitForNavigation(), click()]);
  return res?.status() ?? 0;
}
export const press = (page: Page, action: 'next' | 'back' | 'save') =>
  go(page, () => page.locator(`button[name=action][value=${action}]`).click());
export const sectionOf = (page: Page) => /\/side\/([a-z0-9_]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? null;
export const pathOf = (page: Page) => new URL(page.url()).pathname;
export const answersShown = (page: Page) => page.locator('dl.answers dd').allInnerTexts();
export const textOf = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
export const h1 = (page: Page) => textOf(page.locator('h1'));

/** The id (or, lacking one, the class) of the focused element, waiting up to 3 s for it to be `want`. */
export async function focusOn(page: Page, want: string): Promise<string> {
  const read = () => page.evaluate<string>(`document.activeElement ? document.activeElement.id || document.activeElement.className : ''`);
  const deadline = Date.now() + 3000;
  let id = await read();
  while (id !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    id = await read();
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// Checking a page: axe-core's WCAG 2.1 A and AA rules, and no horizontal scrolling at 320 px.

const axeSource = fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeOutcome {
  readonly passes: number;
  readonly violations: readonly { id: string; impact: string; help: string; nodes: string[] }[];
}

/** axe-core on the page (the context bypasses the CSP so the script may be injected). */
async function axe(page: Page): Promise<AxeOutcome> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate<AxeOutcome>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(wcagTags)} } }).then((r) => ({
    passes: r.passes.length,
    violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
  }))`,
  );
}

const screenshots = testScreenshotDir();

/** Checks a page: no axe violations, no horizontal scrolling at 320 px; a screenshot when asked. */
export async function checkPage(page: Page, name: string): Promise<void> {
  const outcome = await axe(page);
  assert.ok(outcome.passes > 0, 'axe ran');
  assert.deepEqual(outcome.violations, [], `${name}: axe violations`);
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  if (width > 320) {
    const wide = await page.evaluate<string[]>(
      `Array.from(document.querySelectorAll('main *')).filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1).map((e) => e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 60))`,
    );
    assert.fail(`${name}: ${width} px wide at a 320 px viewport; too wide: ${wide.join(' | ')}`);
  }
  if (screenshots) {
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, `${name}-320.png`), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.screenshot({ path: path.join(screenshots, `${name}-1024.png`), fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
  }
}

// ---------------------------------------------------------------------------------------------
// The focused element as the keyboard walk sees it: what it is, and whether its focus shows.

export interface Focused {
  readonly tag: string;
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly value: string;
  readonly className: string;
  /** Another box of the same name is ticked already. */
  readonly groupAnswered: boolean;
  readonly outline: string;
  readonly inView: boolean;
}

export const focusedScript = `(() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  const group = e.name ? Array.from(document.getElementsByName(e.name)) : [];
  return {
    tag: e.tagName.toLowerCase(), type: e.type || '', id: e.id, name: e.name || '', text: (e.innerText || '').trim(),
    value: e.value || '', className: e.className || '',
    groupAnswered: group.some((x) => x !== e && x.checked),
    outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2 ? '' : s.outlineStyle + ' ' + s.outlineWidth,
    inView: r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth,
  };
})()`;
