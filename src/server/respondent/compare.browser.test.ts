/**
 * The respondent's "compare yourself" page in a real browser (Debian's Chromium through
 * playwright-core) against a real `kommunepuls serve` process: axe-core's WCAG 2.1 A/AA rules
 * and no horizontal scrolling at 320 px, for the comparison after the window has closed (every
 * question type, a suppressed size-class column, a city district) and for the page that says when
 * it opens. KOMMUNEPULS_SCREENSHOTS=<dir> also writes screenshots of them there.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setUpCompare } from '../../analysis/compare.fixtures.ts';
import { ensureLinks } from '../../collect/link.service.ts';
import { openTestStore } from '../../store/testing.ts';
import { checkPage, closeBrowser, h1, newPage, textOf } from '../testing/browser.ts';
import { startServer } from '../testing/server-process.ts';

after(closeBrowser);

const inWindow = '2020-01-15T10:00:00Z';
const afterWindow = '2020-02-10T10:00:00Z';

describe('respondent compare page in a browser', () => {
  it('passes axe and fits 320 px, after the window and before it closes', async () => {
    const opened = await openTestStore('sqlite', { file: true });
    const servers = await Promise.all([afterWindow, inWindow].map((clock) => startServer({ db: opened.url, clock })));
    try {
      await setUpCompare(opened.store);
      const links = new Map((await ensureLinks(opened.store, 2019, 'kommunedirektor')).map((l) => [l.unitNumber, `/s/${l.token}`]));
      const [closed, open] = servers;
      assert.ok(closed && open);
      const page = await newPage({ js: true, bypassCSP: true, width: 320 });

      await page.goto(`${closed.url}${links.get('1101')}/sammenlign`);
      assert.equal(await h1(page), 'Sammenlign dere med andre kommuner');
      assert.equal(await textOf(page.locator('#q-samarbeid ~ p').first()), 'Dere svarte: Ja');
      assert.ok((await page.locator('.cmp-scroll[tabindex="0"][role="region"]').count()) > 0, 'tables sit in focusable regions');
      assert.ok((await page.locator('td.too-few').count()) > 0, 'a suppressed column is on the page');
      await checkPage(page, 'compare-01-municipality');

      // The size class of 1301 has three units: every class column is suppressed.
      await page.goto(`${closed.url}${links.get('1301')}/sammenlign`);
      assert.equal(await page.locator('th.c-cmp', { hasText: 'Kommuner på deres størrelse' }).locator('.nobr').count(), 0);
      await checkPage(page, 'compare-02-small-class');

      await page.goto(`${closed.url}${links.get('030101')}/sammenlign`);
      assert.equal(await h1(page), 'Sammenlign dere med andre bydeler');
      await checkPage(page, 'compare-03-district');

      // The closed page links to the comparison.
      await page.goto(`${closed.url}${links.get('1101')}`);
      await page.getByRole('link', { name: 'Sammenlign svarene deres med andre' }).click();
      await page.waitForURL(/\/sammenlign$/);

      await page.goto(`${open.url}${links.get('1101')}/sammenlign`);
      assert.equal(await h1(page), 'Sammenligningen er ikke klar ennå');
      assert.equal(await page.locator('table').count(), 0);
      await checkPage(page, 'compare-04-not-yet');
      await page.context().close();
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await opened.dispose();
    }
  });
});
