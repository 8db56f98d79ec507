// State: what the grid editor computes as the user works — the live figures of the shape being
// drawn or the selected grid, and the topology of the edited grids. Both run in the analysis
// worker; a result that arrives after a newer request is dropped (latest wins).
import { create } from 'zustand';
import { area } from '@turf/turf';
import type { AdminFeature, AreaGeometry, MapData } from '../model';
import type { AnalysisClient } from '../worker/analysis-client';
import type { TopologyIssue } from '../analysis/grids/grid-topology';
import { parentOf } from '../analysis/grids/grid-topology';
import { figuresOfShape } from '../analysis/grids/grid-figures';
import type { FiguresSource } from '../analysis/grids/grid-layout';
import type { ShapeCoverage } from '../analysis/grids/grid-coverage';
import { useFilters } from './filters';
import { toIncidentFilter, type FilterContext } from './incident-filter';
import { figureSources, useGridEditor } from './grid-editor';

/** Figures of the shape in hand. */
export interface ShapeStats {
  areaM2: number;
  households: number;
  population: number;
  /** Where households come from (and population, when not the same), the grids pro-rated from, the buildings counted. */
  source: FiguresSource;
  populationSource: FiguresSource;
  from: string[];
  buildings: number;
  /** Incidents inside under the current filter; cameras inside, online and not. */
  incidents: number | null;
  cameras: number | null;
  online: number | null;
  /** Coverage by online cameras and the blind spots inside (null while computing or unavailable). */
  coverage: ShapeCoverage | null;
}

interface GridEditorResults {
  /** The shape being drawn (terra-draw's in-progress polygon), for live figures. */
  sketch: AreaGeometry | null;
  stats: ShapeStats | null;
  issues: TopologyIssue[];
  /** The topology check is running. */
  checking: boolean;
  /** The issue shown highlighted on the map. */
  highlight: TopologyIssue | null;
  setSketch(sketch: AreaGeometry | null): void;
  setHighlight(issue: TopologyIssue | null): void;
}

export const useGridEditorResults = create<GridEditorResults>((set) => ({
  sketch: null,
  stats: null,
  issues: [],
  checking: false,
  highlight: null,
  setSketch(sketch) {
    set({ sketch });
  },
  setHighlight(highlight) {
    set({ highlight });
  },
}));

/** What the figures are computed with; replaced when the dataset or an import changes it. */
let env: { client: AnalysisClient; ctx: FilterContext; admin: Map<string, AdminFeature> } | null = null;
let statsGen = 0;
let lastShape: AreaGeometry | null = null;
let lastFilter: unknown = null;
let topoGen = 0;
let lastGrids: unknown = null;

/**
 * Starts computing the editor's figures and topology for a loaded dataset; called again when an
 * import replaces its cameras or grids (the figures are then computed afresh).
 */
export function startGridEditorResults(client: AnalysisClient, data: MapData): void {
  const towns = data.admin.features.filter((f) => f.properties.level === 'town');
  void client.setGridEditorData({ cameras: data.cameras, admin: data.admin.features });
  const first = env === null;
  env = { client, ctx: { manifest: data.manifest, towns, grids: data.grids }, admin: new Map(data.admin.features.map((a) => [a.properties.id, a])) };
  lastShape = null;
  lastGrids = null;
  if (first) {
    useGridEditor.subscribe(() => {
      updateStats();
      updateTopology();
    });
    useGridEditorResults.subscribe((s, prev) => {
      if (s.sketch !== prev.sketch) updateStats();
    });
    useFilters.subscribe(updateStats);
  }
  updateStats();
  updateTopology();
}

function updateStats(): void {
  if (!env) return;
  const { client, ctx } = env;
  const { history, selectedId, open } = useGridEditor.getState();
  const sketch = useGridEditorResults.getState().sketch;
  const grid = selectedId ? history?.grids.find((g) => g.properties.id === selectedId) : undefined;
  const shape = open ? (sketch ?? grid?.geometry ?? null) : null;
  const f = useFilters.getState();
  if (shape === lastShape && f === lastFilter) return;
  lastShape = shape;
  lastFilter = f;
  const gen = ++statsGen;
  if (!shape) return useGridEditorResults.setState({ stats: null });
  const ring = shape.type === 'Polygon' ? shape.coordinates[0] : shape.coordinates[0][0];
  if (ring.length < 4) return useGridEditorResults.setState({ stats: null });
  // Households: the grid's own (survey, counted or pro-rated at its creation, or typed in); a
  // shape being drawn is counted now from the buildings carrying households, else pro-rated from
  // the surveyed grids it covers. A counted or pro-rated grid's sources are worked out again
  // here for the panel (the buildings counted, the grids pro-rated from).
  const own = grid && !sketch ? grid.properties : null;
  const { sources, buildings } = figureSources();
  const fig = !own || own.figures === 'buildings' ? figuresOfShape(shape, sources, buildings) : own.figures === 'prorated' ? figuresOfShape(shape, sources, null) : null;
  const stats: ShapeStats = {
    areaM2: area(shape),
    households: own ? own.households : fig!.households,
    population: own ? own.population : fig!.population,
    source: own ? own.figures : fig!.householdsFrom,
    populationSource: fig ? fig.populationFrom : own!.figures,
    from: fig ? fig.from : [],
    buildings: fig ? fig.buildings : 0,
    incidents: null,
    cameras: null,
    online: null,
    coverage: null,
  };
  useGridEditorResults.setState({ stats });
  client
    .shapeFigures(shape, toIncidentFilter(f, ctx))
    .then((fig) => {
      if (gen === statsGen) useGridEditorResults.setState({ stats: { ...stats, incidents: fig.incidents, cameras: fig.cameras, online: fig.online, coverage: fig.coverage } });
    })
    .catch((e: unknown) => console.warn('grid figures failed:', e));
}

function updateTopology(): void {
  if (!env) return;
  const { client, admin } = env;
  const history = useGridEditor.getState().history;
  if (!history || history.grids === lastGrids) return;
  lastGrids = history.grids;
  // Checked: the grids the session added or changed that are still there, and the parents of
  // every grid it touched (a deletion leaves its gap there). An import is checked whole.
  const present = new Set(history.grids.map((g) => g.properties.id));
  const subjects = new Set<string>();
  const parents = new Set<string>();
  let whole = false;
  for (const c of history.done) {
    if (c.kind === 'import') whole = true;
    for (const g of [...c.added, ...c.removed]) {
      if (present.has(g.properties.id) && c.added.includes(g)) subjects.add(g.properties.id);
      const p = parentOf(g, admin);
      if (p) parents.add(p.properties.id);
    }
  }
  const gen = ++topoGen;
  if (!whole && subjects.size === 0 && parents.size === 0) return useGridEditorResults.setState({ issues: [], checking: false, highlight: null });
  useGridEditorResults.setState({ checking: true });
  client
    .gridTopology(history.grids, whole ? null : [...subjects], [...parents])
    .then((issues) => {
      if (gen === topoGen) useGridEditorResults.setState({ issues, checking: false, highlight: null });
    })
    .catch((e: unknown) => console.warn('grid topology failed:', e));
}
