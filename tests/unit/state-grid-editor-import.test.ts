// The grid editor after an import replaced the dataset's grids (the title bar's import): it works
// on the imported grids — its layout, the "dataset" of comparisons and the grids new figures are
// pro-rated from — as one undoable change that is saved like any edit.
import { describe, expect, it } from 'vitest';
import type { GridCollection, MapData } from '../../src/model';
import { adoptImport, addDrawnGrid, baseLayout, gridEditsSaved, startGridEditor, useGridEditor } from '../../src/state/grid-editor';
import { userStore } from '../../src/storage';
import { geojson, manifest } from './demo-helpers';

const m = manifest();
const data = {
  manifest: { ...m, name: `${m.name} (import test)` },
  admin: geojson('admin.geojson'),
  grids: geojson('grids.geojson'),
  cameras: { type: 'FeatureCollection', features: [] },
  hotspots: { type: 'FeatureCollection', features: [] },
  roads: { type: 'FeatureCollection', features: [] },
  water: { type: 'FeatureCollection', features: [] },
  buildings: { type: 'FeatureCollection', features: [] },
  places: { type: 'FeatureCollection', features: [] },
} as unknown as MapData;

describe('grid editor after an import', () => {
  it('starts from the imported grids, undoably, and pro-rates from them', async () => {
    await startGridEditor(data);
    const loaded = useGridEditor.getState().history!.grids;
    expect(loaded.length).toBe(data.grids.features.length);
    // The file: the first three grids of the demo, one with other figures (a newer survey).
    const first = data.grids.features.slice(0, 3);
    const imported: GridCollection = {
      type: 'FeatureCollection',
      features: first.map((f, i) => ({ ...f, properties: { ...f.properties, households: i === 0 ? 1000 : f.properties.households } })),
    };
    adoptImport({ ...data, grids: imported }, { grids: true });
    const h = useGridEditor.getState().history!;
    expect(h.grids.map((g) => g.properties.code)).toEqual(first.map((f) => f.properties.code));
    expect(h.done.at(-1)!.kind).toBe('import');
    expect(baseLayout().map((g) => g.properties.code)).toEqual(first.map((f) => f.properties.code));

    // A grid drawn over the first imported grid takes its figures from the file's, not the survey's.
    addDrawnGrid(first[0].geometry);
    const added = useGridEditor.getState().history!.grids.find((g) => !first.some((f) => f.properties.code === g.properties.code))!;
    expect(added.properties.figures).toBe('prorated');
    expect(added.properties.households).toBe(1000);

    // Saved as made: a reload replays the import over the page's own grids.
    await gridEditsSaved();
    const saved = await (await userStore()).get<{ done: { kind: string }[] }>('grid-layouts', data.manifest.name);
    expect(saved!.value.done.map((c) => c.kind)).toEqual(['import', 'add']);
    await startGridEditor(data);
    expect(useGridEditor.getState().history!.grids.length).toBe(4);

    // Undo (twice) returns to the grids loaded with the page.
    useGridEditor.getState().undo();
    useGridEditor.getState().undo();
    expect(useGridEditor.getState().history!.grids.length).toBe(loaded.length);
  });
});
