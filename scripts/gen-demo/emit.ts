// Demo generator: writes the built county as the files of data/demo (see README.md there), with
// property shapes exactly as in src/model.
import type { LngLat } from '../../src/model/geo';
import type { AdminProps, GridProps } from '../../src/model/admin';
import type { CameraProps } from '../../src/model/camera';
import type { DatasetManifest } from '../../src/model/dataset';
import type { Built } from './build';
import { toLngLat } from './geometry';
import type { Measures } from './measures';
import { offenceKinds } from './offences';
import { traceRegions } from './regions';
import { readme } from './readme';
import { Output, collection, lineOf, pointOf, polygonOf, regionGeometry, writeIncidents } from './writer';
import { AS_OF_MS } from './timeline';
import { COUNTY_CODE } from './world';

const FILES = {
  admin: 'admin.geojson',
  grids: 'grids.geojson',
  cameras: 'cameras.geojson',
  hotspots: 'hotspots.geojson',
  incidents: 'incidents.bin',
  roads: 'roads.geojson',
  water: 'water.geojson',
  buildings: 'buildings.geojson',
  places: 'places.geojson',
};

export function emit(built: Built, out: Output, format: 'bin' | 'csv', measures: Measures): DatasetManifest {
  const { world: w, incidents } = built;
  const { atoms } = w;
  const cache = new Map<number, LngLat>();

  // Admin units: county, towns, villages — all traced from the same atoms.
  const countyLabel = new Int32Array(atoms.n).fill(-1);
  for (let i = 0; i < atoms.n; i++) if (w.inCounty[i]) countyLabel[i] = 0;
  const countyPoly = traceRegions(atoms, countyLabel).get(0)!;
  const townPolys = traceRegions(atoms, w.townOf);
  const villagePolys = traceRegions(atoms, w.villageOf);
  const sum = (xs: { households: number; population: number }[]) => ({
    households: xs.reduce((s, x) => s + x.households, 0),
    population: xs.reduce((s, x) => s + x.population, 0),
  });
  const admin: { geometry: unknown; properties: AdminProps }[] = [];
  const total = sum(w.villages);
  admin.push({
    geometry: regionGeometry(atoms, countyPoly, cache),
    properties: { id: COUNTY_CODE, level: 'county', name: '示范县', nameEn: 'Demo County', parentId: null, kind: 'county', ...total },
  });
  for (const t of w.towns) {
    const s = sum(w.villages.filter((v) => v.town === t.index));
    admin.push({
      geometry: regionGeometry(atoms, townPolys.get(t.index)!, cache),
      properties: { id: t.id, level: 'town', name: t.name, nameEn: t.nameEn, parentId: COUNTY_CODE, kind: t.kind, ...s },
    });
  }
  for (const v of w.villages) {
    admin.push({
      geometry: regionGeometry(atoms, villagePolys.get(v.index)!, cache),
      properties: { id: v.id, level: 'village', name: v.name, nameEn: v.nameEn, parentId: w.towns[v.town].id, kind: v.kind, households: v.households, population: v.population },
    });
  }
  out.write(FILES.admin, collection(admin as never));

  const gridPolys = traceRegions(atoms, w.gridOf);
  const grids = w.grids.map((g) => {
    const properties: GridProps = {
      id: g.id, code: g.id, name: g.name, nameEn: g.nameEn, townId: w.towns[g.town].id, villageId: w.villages[g.village].id,
      kind: g.kind, households: g.households, population: g.population, officer: g.officer, officerPhone: g.officerPhone, setting: g.setting,
    };
    return { geometry: regionGeometry(atoms, gridPolys.get(g.index)!, cache), properties };
  });
  out.write(FILES.grids, collection(grids as never));

  const cameras = w.cameras.map((c, k) => {
    const properties: CameraProps = {
      id: `CAM-${String(k + 1).padStart(5, '0')}`, name: c.name, kind: c.kind, status: c.status, heading: c.heading,
      fov: c.fov, range: c.range, townId: c.townId, installedYear: c.installedYear,
    };
    return { geometry: pointOf(c.p), properties };
  });
  out.write(FILES.cameras, collection(cameras as never));

  out.write(FILES.hotspots, collection(w.hotspots.map((h) => ({ geometry: polygonOf(h.ring), properties: h.props })) as never));
  out.write(FILES.roads, collection(w.roads.map((r) => ({ geometry: lineOf(r.line), properties: { class: r.cls, name: r.name, nameEn: r.nameEn } }))));
  out.write(
    FILES.water,
    collection(w.water.map((b) => ({ geometry: b.polygon ? polygonOf(b.polygon) : lineOf(b.line!), properties: { kind: b.kind, name: b.name, nameEn: b.nameEn } }))),
  );
  out.write(FILES.buildings, collection(w.buildings.map((b) => ({ geometry: polygonOf(b.ring), properties: { levels: b.levels } }))));
  out.write(FILES.places, collection(w.places.map((p) => ({ geometry: pointOf(p.p), properties: { name: p.name, nameEn: p.nameEn, kind: p.kind, rank: p.rank } }))));
  const incidentFile = writeIncidents(out, incidents, format);

  // Bounds from the county outline as written (degrees).
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const part of countyPoly) {
    for (const v of part.outer) {
      const [x, y] = cache.get(v)!;
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
  }
  let first = Infinity, last = -Infinity;
  for (const t of incidents.timeSec) {
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  const manifest: DatasetManifest = {
    name: '示范县（合成数据）',
    nameEn: 'Demo County (synthetic)',
    synthetic: true,
    seed: w.seed,
    generator: 'scripts/gen-demo',
    crs: 'WGS84',
    timeZone: 'Asia/Shanghai',
    // The map opens on the county seat: where briefings start and most incidents are.
    center: toLngLat(w.places.find((p) => p.kind === 'county-seat')!.p),
    bounds: [west, south, east, north],
    timeRange: [first * 1000, last * 1000],
    asOf: AS_OF_MS,
    offenceKinds: offenceKinds(),
    counts: {
      towns: w.towns.length,
      villages: w.villages.length,
      grids: w.grids.length,
      cameras: w.cameras.length,
      incidents: incidents.lng.length,
      hotspots: w.hotspots.length,
    },
    files: { ...FILES, incidents: incidentFile },
  };
  out.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  out.write('README.md', readme(manifest, toLngLat(w.countyTown), measures, built.runs.length));
  return manifest;
}
