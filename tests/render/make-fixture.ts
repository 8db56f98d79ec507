// Render-test fixture: writes the tiny synthetic county in tests/fixtures/render-dataset/ that the
// render tests (tests/browser/06-render.test.ts) draw. Everything is laid out by hand in metres
// around a fixed centre and the incidents come from a seeded generator, so the same script always
// writes the same bytes. Run: `npx tsx tests/render/make-fixture.ts` (then regenerate the
// expected pictures: tests/render/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeIncidentBin } from '../../src/io/incident-bin';
import type { DatasetManifest, IncidentColumns, LngLat, OffenceKind } from '../../src/model';
import { mulberry32 as rng } from '../seeded-random';

const OUT = resolve(process.argv[2] ?? 'tests/fixtures/render-dataset');
const SEED = 20260101;
/** The county's centre, away from the demo county so the two are never confused. */
const CENTER: LngLat = [117.55, 33.25];
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320 * Math.cos((CENTER[1] * Math.PI) / 180);
const TIME_ZONE = 'Asia/Shanghai';
/** "Today" of the synthetic dataset: 2025-12-31 23:59 in Shanghai (UTC+8). */
const AS_OF = Date.UTC(2025, 11, 31, 15, 59);
/** Incidents fall in the last 28 days before asOf, inside any period preset ending today. */
const FIRST_INCIDENT = Date.UTC(2025, 11, 3, 16, 0);

type XY = [number, number];
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Local metres (x east, y north of CENTER) → [lng, lat] rounded to microdegrees. */
function ll([x, y]: XY): LngLat {
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return [r(CENTER[0] + x / M_PER_DEG_LNG), r(CENTER[1] + y / M_PER_DEG_LAT)];
}
const rect = (x0: number, y0: number, x1: number, y1: number): Json => ({
  type: 'Polygon',
  coordinates: [[ll([x0, y0]), ll([x1, y0]), ll([x1, y1]), ll([x0, y1]), ll([x0, y0])]],
});
const ring = (pts: XY[]): Json => ({ type: 'Polygon', coordinates: [[...pts, pts[0]].map(ll)] });
const line = (pts: XY[]): Json => ({ type: 'LineString', coordinates: pts.map(ll) });
const point = (p: XY): Json => ({ type: 'Point', coordinates: ll(p) });

/** A FeatureCollection as text, one feature per line (readable diffs). */
function collection(features: { geometry: Json; properties: Json }[]): string {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', geometry: f.geometry, properties: f.properties }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

// ---- areas: county 2.7 × 1.56 km; 3 columns (villages) × 2 rows (grids); towns A = cols 0–1, B = col 2
const X = [-1350, -450, 450, 1350];
const Y = [-780, 0, 780];
const COUNTY = { id: '349902', name: '试验县', nameEn: 'Shiyan County' };
const TOWNS = [
  { id: '349902-001', name: '城关镇', nameEn: 'Chengguan Town', kind: 'town', x0: X[0], x1: X[2] },
  { id: '349902-002', name: '北河镇', nameEn: 'Beihe Town', kind: 'town', x0: X[2], x1: X[3] },
];
const VILLAGES = [
  { id: '349902-001-001', town: 0, name: '西关村', nameEn: 'Xiguan Village', kind: 'village', setting: 'rural' },
  { id: '349902-001-002', town: 0, name: '东关社区', nameEn: 'Dongguan Community', kind: 'community', setting: 'urban' },
  { id: '349902-002-001', town: 1, name: '河口村', nameEn: 'Hekou Village', kind: 'village', setting: 'rural' },
] as const;
const OFFICERS = ['王芳', '李强', '张敏', '刘洋', '陈静', '杨帆'];

const admin: { geometry: Json; properties: Json }[] = [];
admin.push({
  geometry: rect(X[0], Y[0], X[3], Y[2]),
  properties: { id: COUNTY.id, level: 'county', name: COUNTY.name, nameEn: COUNTY.nameEn, parentId: null, kind: 'county', households: 5400, population: 16200 },
});
for (const t of TOWNS) {
  const cols = (t.x1 - t.x0) / 900;
  admin.push({
    geometry: rect(t.x0, Y[0], t.x1, Y[2]),
    properties: { id: t.id, level: 'town', name: t.name, nameEn: t.nameEn, parentId: COUNTY.id, kind: t.kind, households: 1800 * cols, population: 5400 * cols },
  });
}
const grids: { geometry: Json; properties: Json }[] = [];
VILLAGES.forEach((v, col) => {
  admin.push({
    geometry: rect(X[col], Y[0], X[col + 1], Y[2]),
    properties: { id: v.id, level: 'village', name: v.name, nameEn: v.nameEn, parentId: TOWNS[v.town].id, kind: v.kind, households: 1800, population: 5400 },
  });
  for (let row = 0; row < 2; row++) {
    const n = row + 1;
    const id = `${v.id}-0${n}`;
    const k = col * 2 + row;
    grids.push({
      geometry: rect(X[col], Y[row], X[col + 1], Y[row + 1]),
      properties: {
        id,
        code: id,
        name: `${v.name}第${n}网格`,
        nameEn: `${v.nameEn} Grid ${n}`,
        townId: TOWNS[v.town].id,
        villageId: v.id,
        kind: 'comprehensive',
        households: 700 + 200 * row + 50 * col,
        population: 2100 + 600 * row + 150 * col,
        officer: OFFICERS[k],
        officerPhone: `138****00${String(k + 1).padStart(2, '0')}`,
        setting: v.setting,
      },
    });
  }
});

// ---- cameras: one of every kind and status around the town core K, each with its own heading
const K: XY = [-250, 100];
const CAMS: Array<[number, number, string, string, number, number, number]> = [
  // dx, dy, kind, status, heading°, fov°, range m
  [-260, -90, 'street-bullet', 'online', 45, 60, 90],
  [-120, 110, 'street-bullet', 'online', 180, 70, 80],
  [150, -140, 'street-bullet', 'online', 0, 60, 90],
  [40, -40, 'street-dome', 'online', 0, 360, 60],
  [220, 110, 'checkpoint', 'online', 270, 50, 110],
  [250, -60, 'traffic', 'offline', 90, 45, 80],
  [-30, -160, 'social', 'faulty', 315, 90, 55],
  [-290, 140, 'village-alarm', 'online', 135, 100, 45],
];
const cameras = CAMS.map(([dx, dy, kind, status, heading, fov, range], i) => ({
  geometry: point([K[0] + dx, K[1] + dy]),
  properties: { id: `CAM-${String(i + 1).padStart(3, '0')}`, name: `测试点位${i + 1}`, kind, status, heading, fov, range, townId: TOWNS[0].id, installedYear: 2018 + (i % 6) },
}));

// ---- listed hotspots: overdue (deadline passed while rectifying), listed in time, delisted
const hotspots = [
  {
    geometry: ring([[-290, -340], [-20, -360], [-10, -150], [-280, -140]]),
    properties: {
      id: 'HS-01', name: '城关镇农贸市场周边', nameEn: 'Chengguan Market area', kind: 'market', townId: TOWNS[0].id, state: 'rectifying', deadline: '2025-10-31',
      firstResponsible: '城关镇党委书记 赵刚', directResponsible: '城关派出所所长 孙伟', source: 'town-centre',
      history: [
        { date: '2025-05-06', state: 'discovered', note: '城关镇综治中心排查上报：扒窃警情集中' },
        { date: '2025-05-20', state: 'assessing', note: '派出所研判：建议挂牌督办' },
        { date: '2025-06-02', state: 'listed', note: '县联席会议决定挂牌督办，期限5个月', deadline: '2025-10-31' },
        { date: '2025-06-10', state: 'rectifying', note: '启动整治' },
      ],
      measures: ['新建监控4路', '清理占道摊点'],
    },
  },
  {
    geometry: ring([[740, -260], [980, -250], [990, -40], [730, -60]]),
    properties: {
      id: 'HS-02', name: '北河镇汽车站周边', nameEn: 'Beihe Bus Station area', kind: 'station', townId: TOWNS[1].id, state: 'listed', deadline: '2026-03-31',
      firstResponsible: '北河镇党委书记 周丽', directResponsible: '北河派出所所长 吴斌', source: 'informant',
      history: [
        { date: '2025-10-08', state: 'discovered', note: '群众举报：车站周边诈骗多发' },
        { date: '2025-10-20', state: 'assessing', note: '派出所与北河镇研判' },
        { date: '2025-11-03', state: 'listed', note: '县联席会议决定挂牌督办，期限5个月', deadline: '2026-03-31' },
      ],
      measures: [],
    },
  },
  {
    geometry: ring([[120, 300], [380, 290], [390, 520], [110, 510]]),
    properties: {
      id: 'HS-03', name: '实验小学周边', nameEn: 'Experimental Primary School area', kind: 'school-surroundings', townId: TOWNS[0].id, state: 'delisted', deadline: '2025-06-30',
      firstResponsible: '城关镇党委书记 赵刚', directResponsible: '城关派出所所长 孙伟', source: 'department-visit',
      history: [
        { date: '2025-01-06', state: 'discovered', note: '教育局走访发现：放学时段纠纷多' },
        { date: '2025-01-15', state: 'assessing', note: '研判' },
        { date: '2025-02-03', state: 'listed', note: '挂牌督办，期限5个月', deadline: '2025-06-30' },
        { date: '2025-02-10', state: 'rectifying', note: '启动整治' },
        { date: '2025-06-20', state: 'accepting', note: '申请验收', satisfaction: 0.92 },
        { date: '2025-07-01', state: 'delisted', note: '验收通过，摘牌' },
      ],
      measures: ['增设护学岗', '增设信号灯'],
    },
  },
];

// ---- basemap: roads, a stream and a pond, a block of buildings in the town core, place names
const roads = [
  { geometry: line([[-1500, 20], [1500, 20]]), properties: { class: 'primary', name: '人民路', nameEn: 'Renmin Road' } },
  { geometry: line([[-1500, -700], [0, -520], [1500, 700]]), properties: { class: 'trunk', name: 'G345国道', nameEn: 'G345 National Road' } },
  { geometry: line([[-300, -800], [-300, 800]]), properties: { class: 'street', name: '文化路', nameEn: 'Wenhua Road' } },
  { geometry: line([[600, -800], [600, 800]]), properties: { class: 'street', name: '建设路', nameEn: 'Jianshe Road' } },
  { geometry: line([[-900, 380], [300, 380]]), properties: { class: 'lane' } },
  { geometry: line([[-900, -300], [300, -300]]), properties: { class: 'lane' } },
  { geometry: line([[450, 380], [1350, 560]]), properties: { class: 'rural' } },
];
const water = [
  { geometry: line([[-1400, -620], [-700, -660], [0, -700], [700, -640], [1400, -690]]), properties: { kind: 'stream', name: '清水河', nameEn: 'Qingshui River' } },
  { geometry: ring([[980, 420], [1180, 400], [1220, 560], [1000, 600]]), properties: { kind: 'lake', name: '北湖', nameEn: 'North Lake' } },
];
const buildings: { geometry: Json; properties: Json }[] = [];
for (let x = -880; x <= 260; x += 50) {
  for (let y = -460; y <= 460; y += 45) {
    // Keep clear of the roads so they stay readable.
    if (Math.abs(y - 20) < 30 || Math.abs(x + 300) < 30 || Math.abs(y - 380) < 25 || Math.abs(y + 300) < 25) continue;
    const w = 22 + ((x * 7 + y * 3) & 7);
    const h = 16 + ((x * 3 + y * 5) & 7);
    buildings.push({ geometry: rect(x, y, x + w, y + h), properties: { levels: 2 + ((x + y) & 7) } });
  }
}
// Beihe's smaller centre, east of Jianshe Road.
for (let x = 700; x <= 1220; x += 55) {
  for (let y = -400; y <= 300; y += 50) {
    if (Math.abs(y - 20) < 30) continue;
    buildings.push({ geometry: rect(x, y, x + 20 + ((x + y) & 7), y + 15 + ((x * 3 + y) & 7)), properties: { levels: 1 + ((x + y) & 3) } });
  }
}
const places = [
  { p: [-200, 160], name: '试验县', nameEn: 'Shiyan County', kind: 'county-seat', rank: 1 },
  { p: [-950, 560], name: '城关镇', nameEn: 'Chengguan', kind: 'town', rank: 2 },
  { p: [900, 250], name: '北河镇', nameEn: 'Beihe', kind: 'town', rank: 2 },
  { p: [-150, -230], name: '农贸市场', nameEn: 'Farmers Market', kind: 'market', rank: 3 },
  { p: [380, 470], name: '实验小学', nameEn: 'Experimental School', kind: 'school', rank: 4 },
  { p: [-620, 120], name: '城关派出所', nameEn: 'Chengguan Police', kind: 'police', rank: 4 },
  { p: [860, -150], name: '汽车站', nameEn: 'Bus Station', kind: 'station', rank: 4 },
  { p: [-1100, -600], name: '西关村', nameEn: 'Xiguan', kind: 'village', rank: 5 },
  { p: [100, -520], name: '东关社区', nameEn: 'Dongguan', kind: 'community', rank: 5 },
  { p: [1000, -480], name: '河口村', nameEn: 'Hekou', kind: 'village', rank: 5 },
].map((d) => ({ geometry: point(d.p as XY), properties: { name: d.name, nameEn: d.nameEn, kind: d.kind, rank: d.rank } }));

// ---- incidents: three clusters (market, station, town core) and a thin scatter over the county
const OFFENCES: OffenceKind[] = [
  { code: 0, id: 'burglary', zh: '入室盗窃', en: 'Burglary', caseClass: 'criminal' },
  { code: 1, id: 'pickpocketing', zh: '扒窃', en: 'Pickpocketing', caseClass: 'criminal' },
  { code: 2, id: 'fighting', zh: '殴打他人', en: 'Fighting', caseClass: 'public-order' },
  { code: 3, id: 'dispute', zh: '矛盾纠纷', en: 'Dispute', caseClass: 'dispute' },
];
const CLUSTERS: Array<{ at: XY; sigma: number; n: number }> = [
  { at: [-150, -250], sigma: 70, n: 160 },
  { at: [860, -150], sigma: 90, n: 100 },
  { at: [-450, 250], sigma: 140, n: 90 },
];
const SCATTER = 50;
const rand = rng(SEED);
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const rows: Array<{ xy: XY; t: number; c: number }> = [];
for (const cl of CLUSTERS) {
  for (let i = 0; i < cl.n; i++) rows.push({ xy: [cl.at[0] + cl.sigma * gauss(), cl.at[1] + cl.sigma * gauss()], t: 0, c: 0 });
}
for (let i = 0; i < SCATTER; i++) rows.push({ xy: [X[0] + rand() * (X[3] - X[0]), Y[0] + rand() * (Y[2] - Y[0])], t: 0, c: 0 });
const spanSec = Math.floor((AS_OF - FIRST_INCIDENT) / 1000);
for (const r of rows) {
  // Clamp inside the county so no incident is "outside the study area".
  r.xy = [Math.min(X[3] - 5, Math.max(X[0] + 5, r.xy[0])), Math.min(Y[2] - 5, Math.max(Y[0] + 5, r.xy[1]))];
  r.t = FIRST_INCIDENT / 1000 + Math.floor(rand() * spanSec);
  r.c = Math.floor(rand() * OFFENCES.length);
}
rows.sort((a, b) => a.t - b.t);
const n = rows.length;
const cols: IncidentColumns = { lng: new Float64Array(n), lat: new Float64Array(n), timeSec: new Uint32Array(n), category: new Uint16Array(n) };
rows.forEach((r, i) => {
  const [lng, lat] = ll(r.xy);
  cols.lng[i] = lng;
  cols.lat[i] = lat;
  cols.timeSec[i] = r.t;
  cols.category[i] = r.c;
});

const [west, south] = ll([X[0], Y[0]]);
const [east, north] = ll([X[3], Y[2]]);
const manifest: DatasetManifest = {
  name: '渲染测试县（合成数据）',
  nameEn: 'Render Test County (synthetic)',
  synthetic: true,
  seed: SEED,
  generator: 'tests/render/make-fixture.ts',
  crs: 'WGS84',
  timeZone: TIME_ZONE,
  center: CENTER,
  bounds: [west, south, east, north],
  timeRange: [rows[0].t * 1000, rows[n - 1].t * 1000],
  asOf: AS_OF,
  offenceKinds: OFFENCES,
  counts: { towns: TOWNS.length, villages: VILLAGES.length, grids: grids.length, cameras: cameras.length, incidents: n, hotspots: hotspots.length },
  files: {
    admin: 'admin.geojson',
    grids: 'grids.geojson',
    cameras: 'cameras.geojson',
    hotspots: 'hotspots.geojson',
    incidents: 'incidents.bin',
    roads: 'roads.geojson',
    water: 'water.geojson',
    buildings: 'buildings.geojson',
    places: 'places.geojson',
  },
};

mkdirSync(OUT, { recursive: true });
const write = (file: string, data: string | Uint8Array) => writeFileSync(join(OUT, file), data);
write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
write('admin.geojson', collection(admin));
write('grids.geojson', collection(grids));
write('cameras.geojson', collection(cameras));
write('hotspots.geojson', collection(hotspots as never));
write('roads.geojson', collection(roads as never));
write('water.geojson', collection(water as never));
write('buildings.geojson', collection(buildings));
write('places.geojson', collection(places));
write('incidents.bin', encodeIncidentBin(cols));
console.log(`wrote ${OUT}: ${grids.length} grids, ${cameras.length} cameras, ${hotspots.length} hotspots, ${buildings.length} buildings, ${n} incidents`);
