// UI: a place the worker named (town · community · grid, nearest named road) as one line of plain
// text in the interface language.
import type { NamedPlace } from '../model/camera-plan';
import { fill, translate, type Lang } from '../i18n';

/** "城关街道 · 东关社区 · 东关社区第 3 网格 · 近人民路", or "outside the county". */
export function placeNameText(p: NamedPlace, lang: Lang): string {
  const en = lang === 'en';
  const parts = [en ? p.townEn : p.town, en ? p.villageEn : p.village, en ? p.gridEn : p.grid].filter((x): x is string => x !== null);
  const road = en ? p.roadEn : p.road;
  if (road) parts.push(fill(translate(lang, 'coverage.nearRoad'), { road }));
  return parts.length > 0 ? parts.join(' · ') : translate(lang, 'place.none');
}
