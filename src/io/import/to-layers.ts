// IO (pure): imported polygons as the app's layers. The file's own values are used where the
// model has a field for them (名称, 户数, 人口, 网格员, 层数 …); what a file does not say gets a
// neutral value (0 households, no officer, hotspot state 排查发现 with no deadline) — never an
// invented figure.
import type { BuildingCollection, GridCollection, HotspotCollection, PolygonGeometry } from '../../model';
import { HOTSPOT_KINDS, HOTSPOT_STATES, type HotspotKind, type HotspotState } from '../../model/hotspot';
import type { AreaRecord } from './import-areas';

const pick = (p: Record<string, string>, names: readonly string[]): string => {
  for (const n of names) {
    const v = p[n];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return '';
};
const count = (p: Record<string, string>, names: readonly string[]): number => {
  const v = Number(pick(p, names));
  return Number.isFinite(v) && v >= 0 ? Math.round(v) : 0;
};

const HOUSEHOLDS = ['households', '户数'] as const;
const POPULATION = ['population', '人口', '人口数'] as const;

export function areasToGrids(areas: readonly AreaRecord[]): GridCollection {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      geometry: a.geometry,
      properties: {
        id: a.id,
        code: a.id,
        name: a.name,
        nameEn: a.name,
        townId: pick(a.properties, ['townId', '镇街编码', '乡镇编码']),
        villageId: pick(a.properties, ['villageId', '村社区编码']),
        kind: 'comprehensive',
        households: count(a.properties, HOUSEHOLDS),
        population: count(a.properties, POPULATION),
        officer: pick(a.properties, ['officer', '网格员']),
        officerPhone: pick(a.properties, ['officerPhone', '电话', '联系电话']),
        setting: pick(a.properties, ['setting']) === 'rural' ? 'rural' : 'urban',
      },
    })),
  };
}

/** The register's kinds as a clerk writes them (the zh-CN names of hotspot.kind.*). */
const KIND_WORDS: Record<string, HotspotKind> = {
  集贸市场: 'market', 市场: 'market', 娱乐场所集中区: 'entertainment', 娱乐场所: 'entertainment', 车站: 'station', 城中村: 'urban-village',
  城乡结合部: 'urban-rural-fringe', 出租屋集中区: 'rental-housing', 出租屋: 'rental-housing', 网吧周边: 'internet-cafe', 网吧: 'internet-cafe',
  校园周边: 'school-surroundings', 医院周边: 'hospital-surroundings', 其他: 'other',
};
const STATE_WORDS: Record<string, HotspotState> = { 排查发现: 'discovered', 研判中: 'assessing', 挂牌督办: 'listed', 整治中: 'rectifying', 验收中: 'accepting', 已摘牌: 'delisted' };

export function areasToHotspots(areas: readonly AreaRecord[]): HotspotCollection {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => {
      const s = pick(a.properties, ['state', '状态']);
      const state: HotspotState = (HOTSPOT_STATES as readonly string[]).includes(s) ? (s as HotspotState) : (STATE_WORDS[s] ?? 'discovered');
      const k = pick(a.properties, ['kind', '类型']);
      const kind: HotspotKind = (HOTSPOT_KINDS as readonly string[]).includes(k) ? (k as HotspotKind) : (KIND_WORDS[k] ?? 'other');
      const deadline = /^\d{4}-\d\d-\d\d$/.test(pick(a.properties, ['deadline', '期限'])) ? pick(a.properties, ['deadline', '期限']) : null;
      return {
        type: 'Feature',
        geometry: a.geometry,
        properties: {
          id: a.id,
          name: a.name,
          nameEn: a.name,
          kind,
          townId: pick(a.properties, ['townId']),
          state,
          deadline,
          firstResponsible: pick(a.properties, ['firstResponsible', '第一责任人']),
          directResponsible: pick(a.properties, ['directResponsible', '直接责任人']),
          source: 'town-centre',
          history: [],
          measures: [],
        },
      };
    }),
  };
}

/**
 * Buildings: each polygon (a MultiPolygon's parts one by one) with its storeys (层数, default 1),
 * and its households (户数) and population (人口) when the file gives them — on the first part
 * only, so that a building's parts add up to it (the grid editor counts them).
 */
export function areasToBuildings(areas: readonly AreaRecord[]): BuildingCollection {
  const features: BuildingCollection['features'] = [];
  for (const a of areas) {
    const levels = Math.max(1, count(a.properties, ['levels', '层数', 'floors', '楼层']));
    // Only what the file says: a building without 户数 carries none (not 0).
    const households = pick(a.properties, HOUSEHOLDS) === '' ? {} : { households: count(a.properties, HOUSEHOLDS) };
    const population = pick(a.properties, POPULATION) === '' ? {} : { population: count(a.properties, POPULATION) };
    const polys: PolygonGeometry[] = a.geometry.type === 'Polygon' ? [a.geometry] : a.geometry.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
    polys.forEach((g, i) => features.push({ type: 'Feature', geometry: g, properties: i === 0 ? { levels, ...households, ...population } : { levels } }));
  }
  return { type: 'FeatureCollection', features };
}
