import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Shape, simplifyShapes, tidyShape } from './geometry.ts';

describe('shapes for storage', () => {
  it('rounds to 4 decimals, drops repeated points and rings that collapse, and winds outer rings clockwise', () => {
    const shape: Shape = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [10.000001, 60.000001],
            [10.1, 60],
            [10.1, 60],
            [10.1, 60.1],
            [10, 60.1],
            [10, 60],
          ],
          // a hole, wound clockwise here: comes back counter-clockwise
          [
            [10.02, 60.02],
            [10.02, 60.05],
            [10.05, 60.05],
            [10.05, 60.02],
            [10.02, 60.02],
          ],
        ],
        // a sliver thinner than the rounding: gone
        [
          [
            [11, 60],
            [11.1, 60.00001],
            [11.2, 60],
            [11, 60],
          ],
        ],
      ],
    };
    assert.deepEqual(tidyShape(shape), {
      type: 'Polygon',
      coordinates: [
        [
          [10, 60],
          [10, 60.1],
          [10.1, 60.1],
          [10.1, 60],
          [10, 60],
        ],
        [
          [10.02, 60.02],
          [10.05, 60.02],
          [10.05, 60.05],
          [10.02, 60.05],
          [10.02, 60.02],
        ],
      ],
    });
  });

  it('keeps a border shared by two neighbours shared after simplification', () => {
    // A wiggly border from (10, 60) to (10, 61) between a western and an eastern neighbour.
    const border: GeoJSON.Position[] = Array.from({ length: 201 }, (_, i) => [
      10 + 0.02 * Math.sin(i / 3) + 0.003 * Math.sin(i * 1.7),
      60 + i / 200,
    ]);
    const west: Shape = { type: 'Polygon', coordinates: [[[9.5, 60], ...border, [9.5, 61], [9.5, 60]]] };
    const east: Shape = { type: 'Polygon', coordinates: [[[10.5, 61], ...[...border].reverse(), [10.5, 60], [10.5, 61]]] };
    const [w, e] = simplifyShapes([west, east], 1) as [GeoJSON.Polygon, GeoJSON.Polygon];
    const key = (p: GeoJSON.Position) => `${p[0]},${p[1]}`;
    const inner = (ring: GeoJSON.Position[], lon: number) => new Set(ring.filter((p) => p[0] !== lon).map(key));
    const westBorder = inner(w.coordinates[0] ?? [], 9.5);
    const eastBorder = inner(e.coordinates[0] ?? [], 10.5);
    assert.deepEqual([...westBorder].sort(), [...eastBorder].sort());
    assert.ok(westBorder.size > 2 && westBorder.size < 150, `the border kept ${westBorder.size} of 201 points`);
  });
});
