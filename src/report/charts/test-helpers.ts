/** Checks shared by the chart tests: the SVG is balanced, accessible and free of scripts and styles. */
import assert from 'node:assert/strict';

/** Asserts that every tag is closed in order (a cheap well-formedness check without an XML parser). */
export function assertBalanced(markup: string): void {
  const stack: string[] = [];
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `unexpected </${name}>`);
    else stack.push(name as string);
  }
  assert.deepEqual(stack, [], 'unclosed tags');
}

/** Asserts the chart is one accessible SVG that a strict Content-Security-Policy lets through. */
export function assertAccessibleSvg(svg: string, id: string): void {
  assertBalanced(svg);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svg.includes(`role="img" aria-labelledby="${id}-title ${id}-desc"`), 'role and aria-labelledby');
  assert.ok(svg.includes(`<title id="${id}-title">`), 'title with id');
  assert.ok(svg.includes(`<desc id="${id}-desc">`), 'desc with id');
  assert.doesNotMatch(svg, /\sstyle=|<style|<script|javascript:/i);
  assert.doesNotMatch(svg, /&(?!amp;|lt;|gt;|quot;|#39;)/, 'bare ampersand');
  assert.doesNotMatch(svg, /NaN|undefined|Infinity/);
}

/** The text of every <text> element, tspans joined by a space. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<tspan[^>]*>/g, ' ')
      .replace(/<\/tspan>/g, '')
      .trim(),
  );
}

/** All numbers in the path data and x/y/width/height attributes, as [x, y] pairs of path points. */
export function pathPoints(svg: string): [number, number][] {
  return [...svg.matchAll(/<path d="([^"]+)"/g)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((p) => [Number(p[1]), Number(p[2])] as [number, number]),
  );
}

/** The viewBox size. */
export function viewBox(svg: string): { width: number; height: number } {
  const m = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/);
  assert.ok(m, 'viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}
