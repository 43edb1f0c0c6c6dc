import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { configuredLang, loadConfig } from './config.ts';

/** The AppError loadConfig throws for the environment. */
function refusal(env: NodeJS.ProcessEnv): AppError {
  try {
    loadConfig(env);
  } catch (e) {
    assert.ok(e instanceof AppError && e.code === 'config', String(e));
    return e;
  }
  assert.fail('the configuration was accepted');
}

describe('configuration', () => {
  it('reads KOMMUNEPULS_LANG as nb, nn or en, English when it is not set', () => {
    assert.equal(loadConfig({}).lang, 'en');
    assert.equal(loadConfig({ KOMMUNEPULS_LANG: 'nn' }).lang, 'nn');
    assert.deepEqual(
      ['nb', 'nn', 'en', undefined].map((l) => configuredLang({ KOMMUNEPULS_LANG: l })),
      ['nb', 'nn', 'en', 'en'],
    );
  });

  it('refuses another language naming the setting, and words the CLI line in English then', () => {
    assert.match(refusal({ KOMMUNEPULS_LANG: 'de' }).message, /^configuration: KOMMUNEPULS_LANG: .*"nb".*"nn".*"en"/);
    assert.equal(configuredLang({ KOMMUNEPULS_LANG: 'de' }), 'en');
  });

  it('words a bad setting in the language asked for', () => {
    const e = refusal({ KOMMUNEPULS_TRUSTED_PROXIES: 'loopback, 10.0.0.300' });
    assert.equal(e.message, 'configuration: KOMMUNEPULS_TRUSTED_PROXIES: "10.0.0.300" is not an address, a CIDR range or "loopback"');
    assert.equal(e.text('nb'), 'oppsett: KOMMUNEPULS_TRUSTED_PROXIES: «10.0.0.300» er ikke en adresse, et CIDR-område eller «loopback»');
    assert.match(refusal({ PORT: 'abc' }).text('nn'), /^oppsett: PORT: /);
  });
});
