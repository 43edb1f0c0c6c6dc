import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sameOrigin } from './csrf.ts';

describe('sameOrigin', () => {
  it("accepts a browser's own form post that carries Origin: null under no-referrer, by Sec-Fetch-Site", () => {
    assert.equal(sameOrigin({ origin: 'null', host: 'localhost:3000', fetchSite: 'same-origin' }), true);
  });

  it('refuses a post another site sends, whatever the Origin says', () => {
    assert.equal(sameOrigin({ origin: 'null', host: 'localhost:3000', fetchSite: 'cross-site' }), false);
    assert.equal(sameOrigin({ origin: 'http://localhost:3000', host: 'localhost:3000', fetchSite: 'same-site' }), false);
  });

  it('falls back to Origin, then Referer, when the browser sends no Fetch Metadata', () => {
    assert.equal(sameOrigin({ origin: 'http://localhost:3000', host: 'localhost:3000' }), true);
    assert.equal(sameOrigin({ origin: 'https://evil.example', host: 'localhost:3000' }), false);
    assert.equal(sameOrigin({ referer: 'http://localhost:3000/s/x', host: 'localhost:3000' }), true);
    assert.equal(sameOrigin({ origin: 'null', host: 'localhost:3000' }), false);
    assert.equal(sameOrigin({ host: 'localhost:3000' }), true);
  });
});
