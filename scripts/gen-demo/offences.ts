// Demo generator: the offence dictionary and, per offence, where and when it happens. Shares and
// rhythms are plausible rather than measured: pickpocketing at morning markets, burglary of empty
// homes in working hours, fights late at night and at weekends, gambling around Spring Festival.
import type { CaseClass, OffenceKind } from '../../src/model/incident';

/** Where incidents are drawn from (see incidents.ts for the samplers). */
export type SourceType =
  | 'market'
  | 'station'
  | 'entertainment'
  | 'internet-cafe'
  | 'school'
  | 'hospital'
  | 'urban-village'
  | 'fringe'
  | 'rental-housing'
  | 'main-street'
  | 'urban-res'
  | 'rural-res'
  | 'road';

export interface OffenceDef {
  id: string;
  zh: string;
  en: string;
  caseClass: CaseClass;
  /** Share of all incidents. */
  share: number;
  /** Relative frequency by local hour 0–23. */
  hours: number[];
  /** Relative frequency Monday..Sunday. */
  weekday: number[];
  /** Seasonal swing (share) and the day of year it peaks. */
  season: [amplitude: number, peakDay: number];
  /** Level at the end of 2025 relative to 2024 (the decline is gradual through 2025). */
  end2025: number;
  /** Where it happens: shares by source type (sum 1). */
  sources: Partial<Record<SourceType, number>>;
}

const DAY = [0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.8, 1.2, 1.6, 1.8, 1.9, 1.8, 1.5, 1.5, 1.7, 1.8, 1.8, 1.7, 1.5, 1.3, 1.1, 0.9, 0.6, 0.4];
const NIGHT = [1.6, 1.4, 1.0, 0.6, 0.3, 0.15, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.4, 0.45, 0.5, 0.6, 0.8, 1.0, 1.2, 1.5, 1.9, 2.2, 2.0];
const FLAT = [1, 1, 1, 1, 1, 1, 1];
const NIGHTLIFE_WEEK = [0.85, 0.85, 0.9, 0.95, 1.2, 1.35, 1.1];
const WORK_WEEK = [1.1, 1.1, 1.1, 1.05, 1.05, 0.8, 0.75];

/** The offence kinds in code order (code = index). */
export const OFFENCES: OffenceDef[] = [
  {
    id: 'burglary', zh: '入室盗窃', en: 'Burglary', caseClass: 'criminal', share: 0.07,
    hours: [0.4, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 0.9, 1.3, 1.8, 2.0, 1.9, 1.6, 1.7, 1.9, 1.9, 1.6, 1.2, 0.9, 0.8, 0.7, 0.6, 0.5, 0.5],
    weekday: WORK_WEEK, season: [0.1, 20], end2025: 0.66,
    sources: { 'urban-res': 0.5, 'urban-village': 0.06, 'rural-res': 0.34, 'rental-housing': 0.05, fringe: 0.05 },
  },
  {
    id: 'pickpocketing', zh: '扒窃', en: 'Pickpocketing', caseClass: 'criminal', share: 0.06,
    hours: [0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1.2, 2.2, 2.8, 2.6, 2.0, 1.4, 0.9, 0.8, 0.9, 1.1, 1.5, 1.7, 1.3, 0.8, 0.5, 0.3, 0.15, 0.1],
    weekday: [0.95, 0.95, 0.95, 0.95, 1.0, 1.15, 1.15], season: [0.1, 30], end2025: 0.66,
    sources: { market: 0.44, station: 0.2, 'main-street': 0.22, entertainment: 0.04, hospital: 0.06, 'urban-res': 0.04 },
  },
  {
    id: 'street-fraud', zh: '街头诈骗', en: 'Street fraud', caseClass: 'criminal', share: 0.03,
    hours: [0, 0, 0, 0, 0, 0.1, 0.5, 1.2, 1.8, 2.0, 2.0, 1.7, 1.2, 1.2, 1.6, 1.7, 1.5, 1.1, 0.6, 0.3, 0.1, 0.05, 0, 0],
    weekday: FLAT, season: [0.05, 60], end2025: 0.68,
    sources: { market: 0.36, station: 0.16, hospital: 0.16, 'main-street': 0.14, 'urban-res': 0.08, 'rural-res': 0.1 },
  },
  {
    id: 'telecom-fraud', zh: '电信诈骗', en: 'Telecom fraud', caseClass: 'criminal', share: 0.07,
    hours: [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1.2, 1.6, 1.7, 1.6, 1.3, 1.3, 1.5, 1.6, 1.6, 1.5, 1.4, 1.5, 1.5, 1.2, 0.8, 0.4],
    weekday: FLAT, season: [0.05, 330], end2025: 0.74,
    sources: { 'urban-res': 0.624, 'rural-res': 0.34, 'urban-village': 0.036 },
  },
  {
    id: 'motor-vehicle-theft', zh: '盗窃机动车', en: 'Motor-vehicle theft', caseClass: 'criminal', share: 0.015,
    hours: NIGHT, weekday: FLAT, season: [0.08, 340], end2025: 0.66,
    sources: { 'urban-res': 0.49, 'rural-res': 0.35, fringe: 0.1, 'urban-village': 0.06 },
  },
  {
    id: 'e-bike-theft', zh: '盗窃电动车', en: 'E-bike theft', caseClass: 'criminal', share: 0.09,
    hours: [0.8, 0.7, 0.6, 0.5, 0.4, 0.4, 0.6, 0.9, 1.2, 1.3, 1.3, 1.2, 1.2, 1.2, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.1, 0.9],
    weekday: FLAT, season: [0.1, 200], end2025: 0.66,
    sources: { 'urban-res': 0.372, 'urban-village': 0.108, school: 0.1, hospital: 0.1, market: 0.14, 'rental-housing': 0.1, station: 0.08 },
  },
  {
    id: 'robbery-snatching', zh: '抢劫抢夺', en: 'Robbery and snatching', caseClass: 'criminal', share: 0.015,
    hours: [1.4, 1.2, 0.9, 0.5, 0.3, 0.2, 0.3, 0.5, 0.6, 0.6, 0.6, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 1.1, 1.4, 1.8, 2.0, 2.0, 1.9, 1.6],
    weekday: NIGHTLIFE_WEEK, season: [0.08, 350], end2025: 0.62,
    sources: { 'main-street': 0.3, entertainment: 0.2, 'urban-village': 0.12, fringe: 0.1, station: 0.1, 'urban-res': 0.18 },
  },
  {
    id: 'other-theft', zh: '其他盗窃', en: 'Other theft', caseClass: 'criminal', share: 0.12,
    hours: DAY, weekday: FLAT, season: [0.05, 200], end2025: 0.68,
    sources: { market: 0.2, 'main-street': 0.2, 'urban-res': 0.29, 'rural-res': 0.2, 'urban-village': 0.06, station: 0.05 },
  },
  {
    id: 'assault', zh: '故意伤害', en: 'Assault', caseClass: 'criminal', share: 0.03,
    hours: NIGHT, weekday: NIGHTLIFE_WEEK, season: [0.15, 200], end2025: 0.68,
    sources: { entertainment: 0.35, 'urban-village': 0.09, 'urban-res': 0.26, 'rural-res': 0.2, fringe: 0.1 },
  },
  {
    id: 'gambling', zh: '赌博', en: 'Gambling', caseClass: 'public-order', share: 0.03,
    hours: [1.6, 1.3, 1.0, 0.6, 0.3, 0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3, 1.5, 1.6, 1.6, 1.5, 1.5, 1.7, 1.9, 2.0, 2.0, 1.8],
    weekday: [0.9, 0.9, 0.9, 0.95, 1.05, 1.2, 1.15], season: [0.05, 30], end2025: 0.7,
    sources: { 'rural-res': 0.5, 'urban-village': 0.12, 'internet-cafe': 0.1, entertainment: 0.1, 'urban-res': 0.18 },
  },
  {
    id: 'affray', zh: '寻衅滋事', en: 'Affray', caseClass: 'public-order', share: 0.03,
    hours: NIGHT, weekday: NIGHTLIFE_WEEK, season: [0.12, 200], end2025: 0.7,
    sources: { entertainment: 0.35, 'internet-cafe': 0.1, 'main-street': 0.15, fringe: 0.15, 'urban-village': 0.06, school: 0.05, station: 0.1, 'urban-res': 0.04 },
  },
  {
    id: 'fighting', zh: '殴打他人', en: 'Fighting', caseClass: 'public-order', share: 0.1,
    hours: NIGHT, weekday: NIGHTLIFE_WEEK, season: [0.15, 200], end2025: 0.7,
    sources: { entertainment: 0.3, 'urban-res': 0.24, 'rural-res': 0.2, market: 0.1, 'urban-village': 0.06, fringe: 0.1 },
  },
  {
    id: 'dispute', zh: '矛盾纠纷', en: 'Dispute', caseClass: 'dispute', share: 0.25,
    hours: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 0.9, 1.3, 1.6, 1.7, 1.6, 1.4, 1.4, 1.5, 1.6, 1.6, 1.6, 1.6, 1.6, 1.5, 1.2, 0.8, 0.5],
    weekday: FLAT, season: [0.05, 30], end2025: 0.8,
    sources: { 'urban-res': 0.47, 'rural-res': 0.35, market: 0.1, 'urban-village': 0.03, hospital: 0.05 },
  },
  {
    id: 'traffic-accident', zh: '交通事故', en: 'Traffic accident', caseClass: 'traffic', share: 0.1,
    hours: [0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1.2, 2.0, 1.9, 1.3, 1.1, 1.2, 1.3, 1.1, 1.1, 1.2, 1.5, 2.0, 2.0, 1.5, 1.0, 0.8, 0.6, 0.4],
    weekday: [1, 1, 1, 1, 1.1, 1.0, 0.9], season: [0.08, 350], end2025: 0.86,
    sources: { road: 0.85, 'main-street': 0.15 },
  },
  {
    id: 'property-damage', zh: '故意损毁财物', en: 'Property damage', caseClass: 'public-order', share: 0.03,
    hours: NIGHT, weekday: NIGHTLIFE_WEEK, season: [0.08, 200], end2025: 0.72,
    sources: { 'urban-res': 0.44, 'rural-res': 0.25, entertainment: 0.15, 'urban-village': 0.06, 'main-street': 0.1 },
  },
];

/** The dictionary as written to the manifest. */
export function offenceKinds(): OffenceKind[] {
  return OFFENCES.map((o, code) => ({ code, id: o.id, zh: o.zh, en: o.en, caseClass: o.caseClass }));
}
