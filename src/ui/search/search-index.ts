// UI search (pure, no DOM): the index of everything a user can find by typing — towns, villages
// and communities, grids (name or code), grid officers, listed hotspots, cameras (name or id) and
// the basemap's places — and its ranked matching. It lives beside the search box in src/ui/ and
// not in src/analysis/ because it is about naming things for people (pinyin initials from
// pinyin-pro, which the analysis purity rules keep out of src/analysis), not about the data.
import { pinyin } from 'pinyin-pro';
import { bbox as turfBbox } from '@turf/turf';
import type { AreaGeometry, BBox, LngLat, MapData, Selection } from '../../model';

/** What a result is; the box shows it beside the name. Also the tie-break order of equal matches. */
export const SEARCH_KINDS = ['town', 'village', 'grid', 'hotspot', 'place', 'officer', 'camera'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Where to move the map: the bounds of an area, or a point to zoom in on. */
export type SearchTarget = { bounds: BBox } | { point: LngLat };

export interface SearchEntry {
  kind: SearchKind;
  /** Unique within the index (kind + the feature's id or position). */
  key: string;
  name: string;
  nameEn: string;
  /** A second line: a grid's or officer's code and grid, a camera's id. Plain text. */
  detail: string;
  target: SearchTarget;
  /** The feature whose details open, when it has details (grids, officers' grids, hotspots, cameras). */
  selection: Selection;
  /** Lower-cased strings the query is matched against: names, codes, pinyin and its initials. */
  terms: string[];
}

export interface SearchResult {
  entry: SearchEntry;
  /** 0 exact, 1 prefix, 2 substring (of the best-matching term). */
  rank: 0 | 1 | 2;
}

export interface SearchIndex {
  entries: SearchEntry[];
}

/** Query and terms are compared lower-cased and without spaces ("Gu Lou" finds "gulou"). */
function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

/** Full pinyin and pinyin initials of a Chinese name; other characters stay as they are. */
function pinyinTerms(name: string): string[] {
  if (!/[\u4e00-\u9fff]/.test(name)) return [];
  const full = pinyin(name, { toneType: 'none', type: 'array', v: true }).join('');
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  return [normalise(full), normalise(initials)];
}

function termsOf(...texts: Array<string | undefined>): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    out.add(normalise(t));
    for (const p of pinyinTerms(t)) out.add(p);
  }
  out.delete('');
  return [...out];
}

/** [west, south, east, north] of a polygon or multipolygon, degrees. */
export function bboxOf(geometry: AreaGeometry): BBox {
  return turfBbox(geometry) as BBox;
}

/** Builds the index once per dataset (~0.2 s for the demo's ~3,000 names, mostly pinyin). */
export function buildSearchIndex(data: Pick<MapData, 'admin' | 'grids' | 'cameras' | 'hotspots' | 'places'>): SearchIndex {
  const entries: SearchEntry[] = [];
  const adminNames = new Set<string>();
  for (const f of data.admin.features) {
    const p = f.properties;
    adminNames.add(p.name);
    if (p.level === 'county') continue; // the home button fits the county
    entries.push({
      kind: p.level === 'town' ? 'town' : 'village',
      key: `admin:${p.id}`,
      name: p.name,
      nameEn: p.nameEn,
      detail: '',
      target: { bounds: bboxOf(f.geometry) },
      selection: null,
      terms: termsOf(p.name, p.nameEn),
    });
  }
  for (const f of data.grids.features) {
    const p = f.properties;
    const target = { bounds: bboxOf(f.geometry) };
    const selection: Selection = { kind: 'grid', id: p.id };
    entries.push({ kind: 'grid', key: `grid:${p.id}`, name: p.name, nameEn: p.nameEn, detail: p.code, target, selection, terms: termsOf(p.name, p.nameEn, p.code) });
    if (p.officer) {
      entries.push({ kind: 'officer', key: `officer:${p.id}`, name: p.officer, nameEn: p.officer, detail: p.name, target, selection, terms: termsOf(p.officer) });
    }
  }
  for (const f of data.hotspots.features) {
    const p = f.properties;
    entries.push({
      kind: 'hotspot',
      key: `hotspot:${p.id}`,
      name: p.name,
      nameEn: p.nameEn,
      detail: p.id,
      target: { bounds: bboxOf(f.geometry) },
      selection: { kind: 'hotspot', id: p.id },
      terms: termsOf(p.name, p.nameEn, p.id),
    });
  }
  for (const f of data.cameras.features) {
    const p = f.properties;
    entries.push({
      kind: 'camera',
      key: `camera:${p.id}`,
      name: p.name,
      nameEn: p.name,
      detail: p.id,
      target: { point: f.geometry.coordinates },
      selection: { kind: 'camera', id: p.id },
      terms: termsOf(p.name, p.id),
    });
  }
  data.places.features.forEach((f, i) => {
    const p = f.properties;
    if (adminNames.has(p.name)) return; // the town or village itself is already listed, with its area
    entries.push({ kind: 'place', key: `place:${i}`, name: p.name, nameEn: p.nameEn, detail: '', target: { point: f.geometry.coordinates }, selection: null, terms: termsOf(p.name, p.nameEn) });
  });
  return { entries };
}

function rankOf(terms: string[], q: string): 0 | 1 | 2 | null {
  let best: 0 | 1 | 2 | null = null;
  for (const t of terms) {
    if (t === q) return 0;
    if (t.startsWith(q)) best = 1;
    else if (best === null && t.includes(q)) best = 2;
  }
  return best;
}

/**
 * The entries matching `query`, best first: exact before prefix before substring (over names,
 * codes, ids, pinyin and pinyin initials); ties by kind (towns first, cameras last), then by the
 * shorter name, then by name. At most `limit` results; none for an empty query.
 */
export function searchIndex(index: SearchIndex, query: string, limit = 12): SearchResult[] {
  const q = normalise(query);
  if (!q) return [];
  const found: SearchResult[] = [];
  for (const entry of index.entries) {
    const rank = rankOf(entry.terms, q);
    if (rank !== null) found.push({ entry, rank });
  }
  const kindOrder = (k: SearchKind) => SEARCH_KINDS.indexOf(k);
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      kindOrder(a.entry.kind) - kindOrder(b.entry.kind) ||
      a.entry.name.length - b.entry.name.length ||
      (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0),
  );
  return found.slice(0, limit);
}
