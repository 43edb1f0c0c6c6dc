import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyLimitFor, bodyLimits, readableSize } from './limits.ts';

describe('body limits', () => {
  it('gives the login the least, respondents and admin forms 1 MB, and the upload forms 20 MB', () => {
    assert.deepEqual(bodyLimitFor('/logg-inn'), { bytes: 16 * 1024, audience: 'admin', kind: 'login' });
    assert.deepEqual(bodyLimitFor('/s/abc/side/om_deg'), { bytes: bodyLimits.respondentForm, audience: 'respondent', kind: 'form' });
    assert.equal(bodyLimitFor('/s/abc/send').audience, 'respondent');
    for (const path of ['/kontakter', '/runde/2019/skjema/skolesjef/sporsmal/x', '/runder/ny', '/registry/import/7/bruk'])
      assert.deepEqual(bodyLimitFor(path), { bytes: 1024 * 1024, audience: 'admin', kind: 'form' }, path);
    for (const path of [
      '/registry/import',
      '/registry/import/7/flytting',
      '/registry/kobling',
      '/kontakter/import',
      '/runde/2019/skjema/skolesjef/import',
    ])
      assert.deepEqual(bodyLimitFor(path), { bytes: 20 * 1024 * 1024, audience: 'admin', kind: 'upload' }, path);
    assert.equal(bodyLimitFor('/skjema/import').kind, 'form', 'only the upload routes themselves');
  });

  it('words sizes in Norwegian units', () => {
    assert.equal(readableSize(16 * 1024), '16 kB');
    assert.equal(readableSize(1024 * 1024), '1 MB');
    assert.equal(readableSize(1.5 * 1024 * 1024), '1,5 MB');
    assert.equal(readableSize(1.5 * 1024 * 1024, 'en-GB'), '1.5 MB');
    assert.equal(readableSize(500), '500 byte');
  });
});
