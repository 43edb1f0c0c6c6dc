import assert from 'node:assert/strict';
import { listResponses } from '../collect/response.service.ts';
import { getRegistry } from '../registry/registry.service.ts';
import { describeStores } from '../store/testing.ts';
import { isEmpty, loadDemo } from './demo.service.ts';

describeStores('demo', (test) => {
  test("loads the 2019 round with the report's response counts among municipalities", async (store) => {
    assert.equal(await isEmpty(store), true);
    const summary = await loadDemo(store);
    assert.equal(summary.units, 437);
    const municipalities = new Set((await getRegistry(store, 2019)).filter((u) => u.kind === 'kommune').map((u) => u.number));
    const submitted = async (role: 'kommunedirektor' | 'integreringsansvarlig' | 'skolesjef') =>
      (await listResponses(store, 2019, role)).filter((r) => r.status === 'submitted' && municipalities.has(r.unitNumber)).length;
    assert.equal(await submitted('integreringsansvarlig'), 230);
    assert.equal(await submitted('kommunedirektor'), 171);
    assert.equal(await submitted('skolesjef'), 166);
    assert.equal(await isEmpty(store), false);
  });

  test('reset replaces the store contents with the same demo', async (store) => {
    const first = await loadDemo(store);
    const again = await loadDemo(store, { reset: true });
    assert.deepEqual(again, first);
  });
});
