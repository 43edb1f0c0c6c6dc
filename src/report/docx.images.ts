/**
 * Charts for Word: the report's SVG drawings rasterised to PNG with resvg (@resvg/resvg-js, a
 * Rust SVG renderer shipped as a prebuilt binary inside its npm package). It needs no browser,
 * so the Word file can be made where no Chromium is installed (`--no-pdf`, a server without one),
 * and it renders on the thread pool, so a build does not hold up the web server. The PNG is what
 * Word, LibreOffice and a printer all show alike; it is drawn at about 240 dpi for the printed
 * width. The module is loaded on first use, so a machine without the binary fails only here.
 */
import { AppError } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { svgSize } from './docx.html.ts';

export interface Png {
  readonly data: Buffer;
  /** The drawing's own size (viewBox units), for the aspect ratio. */
  readonly width: number;
  readonly height: number;
}

/** Pixel width of a chart drawn across the text width (16.5 cm at about 240 dpi). */
export const pngWidth = 1560;

type Resvg = typeof import('@resvg/resvg-js');
let loaded: Promise<Resvg> | undefined;

async function resvg(): Promise<Resvg> {
  loaded ??= import('@resvg/resvg-js').then(
    (m) => ((m as { default?: Resvg }).default ?? m) as Resvg,
    (e: unknown) => {
      loaded = undefined;
      throw new AppError('config', msg('docx.no_rasteriser', { detail: e instanceof Error ? e.message : String(e) }));
    },
  );
  return loaded;
}

/** One SVG drawing as a PNG `pixels` wide. */
export async function svgToPng(svg: string, label: string, pixels = pngWidth): Promise<Png> {
  const { renderAsync } = await resvg();
  const size = svgSize(svg);
  try {
    const image = await renderAsync(svg, {
      fitTo: { mode: 'width', value: Math.max(1, Math.round(pixels)) },
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
      logLevel: 'off',
    });
    return { data: image.asPng(), width: size.width, height: size.height };
  } catch (e) {
    throw new AppError('config', msg('docx.image_failed', { what: label, detail: e instanceof Error ? e.message : String(e) }));
  }
}

/** Runs `f` over the items at most `limit` at a time (resvg renders on the libuv pool of 4 threads). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, f: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
