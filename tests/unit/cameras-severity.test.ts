// Severity weights of blind spots: the defaults by case class, a dataset's own weights, and the
// weighted counts per cell under a filter, which change the ranking of blind-spot areas.
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEVERITY, severityWeights } from '../../src/analysis/cameras/severity';
import { keptPerCell, keptWeightPerCell, type RowCells } from '../../src/analysis/cameras/coverage-measures';
import { blindSpotAreas } from '../../src/analysis/cameras/blind-spot-areas';
import type { RowFilter } from '../../src/analysis/incidents/row-filter';
import type { OffenceKind } from '../../src/model/incident';

const kinds: OffenceKind[] = [
  { code: 0, id: 'burglary', zh: '入室盗窃', en: 'Burglary', caseClass: 'criminal' },
  { code: 1, id: 'gambling', zh: '赌博', en: 'Gambling', caseClass: 'public-order' },
  { code: 2, id: 'dispute', zh: '矛盾纠纷', en: 'Dispute', caseClass: 'dispute' },
  { code: 4, id: 'robbery', zh: '抢劫抢夺', en: 'Robbery', caseClass: 'criminal', severity: 5 },
];

describe('severity weights', () => {
  it('default by case class, a kind\'s own weight first, unnamed codes 1', () => {
    expect(DEFAULT_SEVERITY).toEqual({ criminal: 3, 'public-order': 2, dispute: 1, traffic: 1 });
    expect(Array.from(severityWeights(kinds))).toEqual([3, 2, 1, 1, 5]);
  });

  it('weights the kept rows per cell and reorders the blind spots', () => {
    // Two far-apart cells: A has 3 disputes, B has 2 robberies (and a third one the time filter drops).
    const a = latLngToCell(32.9, 117.2, 11);
    const b = latLngToCell(32.95, 117.3, 11);
    const rows: RowCells = { resolution: 11, cells: [a, b], rowCell: Uint32Array.of(0, 0, 0, 1, 1, 1) };
    const timeSec = Uint32Array.of(10, 10, 10, 10, 10, 99);
    const category = Uint16Array.of(2, 2, 2, 4, 4, 4);
    const f: RowFilter = { from: 0, span: 50, src: category, lut: Uint8Array.of(1, 1, 1, 1, 1), all: false, none: false };
    const counts = keptPerCell(rows, timeSec, f);
    const weights = keptWeightPerCell(rows, timeSec, f, category, severityWeights(kinds));
    expect(Array.from(counts)).toEqual([3, 2]);
    expect(Array.from(weights)).toEqual([3, 10]);
    const plain = blindSpotAreas({ cells: rows.cells, counts, covered: new Set() });
    const severe = blindSpotAreas({ cells: rows.cells, counts, weights, covered: new Set() });
    expect(plain.areas.map((x) => x.peak)).toEqual([a, b]);
    expect(severe.areas.map((x) => [x.peak, x.count, x.weight])).toEqual([[b, 2, 10], [a, 3, 3]]);
  });
});
