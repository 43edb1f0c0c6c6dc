/**
 * The report's PDF: the same HTML printed by Chromium (playwright-core driving Debian's
 * chromium; no downloaded browser). A4, page numbers in the footer, bookmarks from the headings,
 * and a table of contents with the page each chapter starts on. Chromium cannot resolve page
 * numbers of anchors itself, so the front matter and each chapter (which always start on a new
 * page) are printed alone first and their pages counted; the whole report is printed last.
 */
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../shared/errors.ts';
import { escapeHtml } from '../shared/html.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Progress, Report } from './build.ts';
import { renderReportHtml } from './render.ts';

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Pages of a PDF made by Chromium (each page is one `/Type /Page` object). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  if (!fs.existsSync(executablePath)) throw new AppError('config', msg('report.no_chromium', { path: executablePath }));
  return chromium.launch({ executablePath, args });
}

const footer = (title: string) =>
  `<div style="font-family: sans-serif; font-size: 8pt; color: #444; width: 100%; padding: 0 18mm; display: flex; justify-content: space-between;"><span>${escapeHtml(
    title,
  )}</span><span>Side <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`;

async function print(browser: Browser, html: string, title: string): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer(title),
      margin: { top: '16mm', bottom: '20mm', left: '18mm', right: '18mm' },
      tagged: true,
      outline: true,
    });
  } finally {
    await context.close();
  }
}

export async function reportPdf(report: Report, chromiumPath: string, progress: Progress = () => undefined): Promise<Buffer> {
  const browser = await launchChromium(chromiumPath);
  try {
    const parts = ['front', ...report.chapters.map((c) => c.id)];
    const total = parts.length + 1;
    const counts: number[] = [];
    for (const [i, only] of parts.entries()) {
      progress(i, total, only === 'front' ? 'PDF: innholdsfortegnelse' : `PDF: kapittel ${i}`);
      counts.push(countPdfPages(await print(browser, renderReportHtml(report, { only }), report.title)));
    }
    const pages = new Map<string, number>();
    let next = 1 + (counts[0] ?? 1);
    report.chapters.forEach((c, i) => {
      pages.set(c.id, next);
      next += counts[i + 1] ?? 1;
    });
    if (report.appendix) pages.set(report.appendix.id, next);
    progress(parts.length, total, 'PDF: hele rapporten');
    const pdf = await print(browser, renderReportHtml(report, { pages }), report.title);
    progress(total, total, 'PDF ferdig');
    return pdf;
  } finally {
    await browser.close();
  }
}
