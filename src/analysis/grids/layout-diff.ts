// Analysis (PURE): what changed between two versions of a layout, grid by grid (by id).
import type { LayoutGrid } from './grid-layout';

export interface LayoutDiff {
  /** In `after` only. */
  added: string[];
  /** In `before` only. */
  removed: string[];
  /** In both, with a different shape or different attributes. */
  changed: string[];
  unchanged: number;
}

export function diffLayouts(before: readonly LayoutGrid[], after: readonly LayoutGrid[]): LayoutDiff {
  const old = new Map(before.map((g) => [g.properties.id, g]));
  const diff: LayoutDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const g of after) {
    const id = g.properties.id;
    seen.add(id);
    const was = old.get(id);
    if (!was) diff.added.push(id);
    else if (JSON.stringify(was.geometry) !== JSON.stringify(g.geometry) || !sameProps(was.properties, g.properties)) diff.changed.push(id);
    else diff.unchanged++;
  }
  for (const id of old.keys()) if (!seen.has(id)) diff.removed.push(id);
  return diff;
}

function sameProps(a: object, b: object): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}
