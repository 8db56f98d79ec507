import { beforeEach, describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../src/model';
import { useFilters } from '../../src/state/filters';

const square: PolygonGeometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };

describe('filter choices', () => {
  beforeEach(() => useFilters.setState({ hiddenKinds: [], townId: null, gridId: null, drawnArea: null }));

  it('a class checkbox hides all its kinds, and shows them all when any is hidden', () => {
    const { toggleKinds } = useFilters.getState();
    toggleKinds(['a', 'b']);
    expect(useFilters.getState().hiddenKinds).toEqual(['a', 'b']);
    toggleKinds(['b']);
    expect(useFilters.getState().hiddenKinds).toEqual(['a']);
    toggleKinds(['a', 'b']);
    expect(useFilters.getState().hiddenKinds).toEqual([]);
  });

  it('town, grid and drawn area are one area: a new choice clears the others', () => {
    const s = useFilters.getState();
    s.setTown('t1');
    s.setGrid('g1');
    expect(useFilters.getState()).toMatchObject({ townId: 't1', gridId: 'g1', drawnArea: null });
    s.setDrawnArea(square);
    expect(useFilters.getState()).toMatchObject({ townId: null, gridId: null, drawnArea: square });
    s.setTown('t2');
    expect(useFilters.getState()).toMatchObject({ townId: 't2', gridId: null, drawnArea: null });
  });
});
