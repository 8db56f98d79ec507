// State: named versions of the grid layout ('grid-versions' in userStore()) and the comparison
// of two of them on the map. A version with topology problems is saved only as a draft, when the
// user says so explicitly.
import { create } from 'zustand';
import type { LayoutGrid } from '../analysis/grids/grid-layout';
import { diffLayouts, type LayoutDiff } from '../analysis/grids/layout-diff';
import { userStore } from '../storage';
import { baseLayout, editorDataset, useGridEditor } from './grid-editor';

export interface GridVersion {
  name: string;
  /** Saved with topology problems, knowingly. */
  draft: boolean;
  /** Open issues when it was saved. */
  issues: number;
  datasetName: string;
  grids: LayoutGrid[];
}

/** A version as listed: id and write time from the store. */
export interface ListedVersion extends GridVersion {
  id: string;
  savedAt: number;
}

/** "current" is the working layout, "dataset" the dataset's own grids. */
export type VersionRef = 'current' | 'dataset' | string;

interface GridVersionsState {
  versions: ListedVersion[];
  /** Two layouts compared: `before` (a) and `after` (b), and what changed from a to b. */
  compare: { a: VersionRef; b: VersionRef; before: LayoutGrid[]; after: LayoutGrid[]; diff: LayoutDiff } | null;
}

export const useGridCompare = create<GridVersionsState>(() => ({ versions: [], compare: null }));

/** Loads this dataset's versions, oldest first. */
export async function loadGridVersions(): Promise<void> {
  const data = editorDataset();
  if (!data) return;
  const docs = await (await userStore()).list<GridVersion>('grid-versions');
  useGridCompare.setState({
    versions: docs.filter((d) => d.value.datasetName === data.manifest.name).map((d) => ({ ...d.value, id: d.id, savedAt: d.updatedAt })),
  });
}

/** Saves the working layout as a named version (draft: saved with `issues` problems). */
export async function saveGridVersion(name: string, draft: boolean, issues: number): Promise<void> {
  const data = editorDataset();
  const grids = useGridEditor.getState().history?.grids;
  if (!data || !grids) return;
  const id = `${data.manifest.name}|${Date.now()}`;
  await (await userStore()).put<GridVersion>('grid-versions', id, { name, draft, issues, datasetName: data.manifest.name, grids });
  await loadGridVersions();
}

function gridsOf(ref: VersionRef): LayoutGrid[] {
  if (ref === 'current') return useGridEditor.getState().history?.grids ?? [];
  if (ref === 'dataset') return baseLayout();
  return useGridCompare.getState().versions.find((v) => v.id === ref)?.grids ?? [];
}

/** Shows on the map what changed from version `a` to version `b` (null ends the comparison). */
export function compareVersions(a: VersionRef | null, b: VersionRef = 'current'): void {
  if (a === null) return useGridCompare.setState({ compare: null });
  const before = gridsOf(a);
  const after = gridsOf(b);
  useGridCompare.setState({ compare: { a, b, before, after, diff: diffLayouts(before, after) } });
}
