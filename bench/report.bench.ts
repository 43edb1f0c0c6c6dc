import { loadConfig } from '../src/config/config.ts';
import { loadDemo } from '../src/demo/demo.service.ts';
import { makeReportFiles } from '../src/report/report.service.ts';
import { openBenchStore } from './store.ts';

const [dialect = 'sqlite', runsArg = '3'] = process.argv.slice(2);
const runs = Number(runsArg);
const { store, dispose } = await openBenchStore(dialect, 'report');
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
try {
  let t = performance.now();
  await loadDemo(store);
  const setupMs = performance.now() - t;
  const chromium = loadConfig().chromium;
  const times: { compute: number; html: number; pdf: number; docx: number; total: number }[] = [];
  let sizes = { html: 0, pdf: 0, docx: 0, figures: 0, pages: 0 };
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const files = await makeReportFiles(store, 2019, { pdf: true, docx: true, chromium });
    const total = performance.now() - t;
    times.push({
      compute: files.timings.computeMs,
      html: files.timings.htmlMs,
      pdf: files.timings.pdfMs,
      docx: files.timings.docxMs,
      total,
    });
    const pdf = files.pdf ?? Buffer.alloc(0);
    sizes = {
      html: Buffer.byteLength(files.html),
      pdf: pdf.length,
      docx: files.docx?.length ?? 0,
      figures: files.report.figureCount,
      pages: pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0,
    };
  }
  const median = (f: (x: (typeof times)[number]) => number) => {
    const v = times.map(f).sort((a, b) => a - b);
    return Math.round(v[Math.floor(v.length / 2)] ?? 0);
  };
  process.stdout.write(
    `${JSON.stringify({
      dialect,
      runs,
      setup_ms: Math.round(setupMs),
      compute_ms: median((x) => x.compute),
      html_ms: median((x) => x.html),
      pdf_ms: median((x) => x.pdf),
      docx_ms: median((x) => x.docx),
      total_ms: median((x) => x.total),
      first_total_ms: Math.round(times[0]?.total ?? 0),
      ...sizes,
      peak_rss_mb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024),
    })}\n`,
  );
} finally {
  clearInterval(sampler);
  await dispose();
}
