// Model: listed security hotspots (治安重点地区) and their rectification lifecycle (DOMAIN.md).
import type { AreaGeometry, Feature, FeatureCollection } from './geo';

/**
 * Lifecycle states in order. "Overdue" is not a state: it is derived from the deadline
 * (see analysis/hotspot-status.ts), so it can never disagree with the dates.
 */
export const HOTSPOT_STATES = [
  'discovered', // 排查发现
  'assessing', // 研判中
  'listed', // 挂牌督办
  'rectifying', // 整治中
  'accepting', // 验收中
  'delisted', // 已摘牌
] as const;
export type HotspotState = (typeof HOTSPOT_STATES)[number];

export const HOTSPOT_KINDS = [
  'market',
  'entertainment',
  'station',
  'urban-village',
  'urban-rural-fringe',
  'rental-housing',
  'internet-cafe',
  'school-surroundings',
  'hospital-surroundings',
  // An imported area whose file names no kind the register knows: kept, said plainly, never guessed.
  'other',
] as const;
export type HotspotKind = (typeof HOTSPOT_KINDS)[number];

export interface HotspotEvent {
  /** ISO date (yyyy-mm-dd) in the dataset's time zone. */
  date: string;
  state: HotspotState;
  /** What happened, in Chinese (e.g. "联席会议决定挂牌督办，期限3个月"). */
  note: string;
  /** Acceptance meetings record the share of participants satisfied, 0–1. */
  satisfaction?: number;
  /** A deadline set or extended at this event (ISO date). */
  deadline?: string;
  /**
   * The register action that made this event (analysis/hotspots/register-rules.ts), when it was
   * made in the app; events from the dataset have none and are described by their note.
   */
  action?: RegisterActionKind;
}

/** What a user can do to a hotspot in the register; 'extend' also records a refused delisting. */
export const REGISTER_ACTIONS = ['analyse', 'list', 'rectify', 'submit', 'accept', 'extend', 'relist'] as const;
export type RegisterActionKind = (typeof REGISTER_ACTIONS)[number];

export interface HotspotProps {
  id: string;
  name: string;
  nameEn: string;
  kind: HotspotKind;
  townId: string;
  state: HotspotState;
  /** Current rectification deadline (ISO date); null before listing. */
  deadline: string | null;
  /** Town party secretary or unit head: first responsible (第一责任人). */
  firstResponsible: string;
  /** Police-station head: directly responsible (直接责任人). */
  directResponsible: string;
  /** Where it was discovered: town centre report, informant, departmental visit. */
  source: 'town-centre' | 'informant' | 'department-visit';
  /** Events oldest first; the last one's state equals `state`. */
  history: HotspotEvent[];
  /** Measures taken, in Chinese (e.g. "增设信号灯", "清理占道摊点", "新建监控4路"). */
  measures: string[];
}
export type HotspotFeature = Feature<AreaGeometry, HotspotProps>;
export type HotspotCollection = FeatureCollection<AreaGeometry, HotspotProps>;
