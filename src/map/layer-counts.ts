// Map: how many objects each visible deck.gl layer draws (the `layerCounts()` test hook). An
// indexed cell layer (layers/h3-cell-layer.ts) holds every cell of its level and leaves the
// empty ones transparent: only the cells it fills count.
import type { Layer } from '@deck.gl/core';

type FillAccessor = (object: unknown, info: { index: number }) => number[];

export function drawnCounts(layers: readonly Layer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const l of layers) {
    if (l.props.visible === false) continue;
    const d = l.props.data as unknown;
    const fill = (l.props as { getFillColor?: unknown }).getFillColor;
    if (Array.isArray(d)) counts[l.id] = d.length;
    else if (isIndexed(d) && typeof fill === 'function') {
      let n = 0;
      for (let i = 0; i < d.length; i++) if (((fill as FillAccessor)(null, { index: i })[3] ?? 255) > 0) n++;
      counts[l.id] = n;
    }
  }
  return counts;
}

function isIndexed(d: unknown): d is { length: number } {
  return typeof d === 'object' && d !== null && typeof (d as { length?: unknown }).length === 'number';
}
