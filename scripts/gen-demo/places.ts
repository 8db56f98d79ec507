// Demo generator: place names for the map labels — county seat, towns, communities and villages —
// and points of interest (markets, stations, schools, hospitals, entertainment streets, government
// and police). Rank 1 labels show first.
import type { Facility } from './fabric';
import type { XY } from './geometry';
import type { Place, Town, Village } from './world';

export function makePlaces(countyTown: XY, towns: Town[], villages: Village[], facilities: Facility[]): Place[] {
  const places: Place[] = [{ name: '示范县', nameEn: 'Demo County', kind: 'county-seat', rank: 1, p: countyTown }];
  for (const t of towns) {
    // Sub-districts sit inside the county seat: their names give way to it at county scale.
    places.push({ name: t.name, nameEn: t.nameEn, kind: 'town', rank: t.kind === 'subdistrict' ? 3 : 2, p: t.seat });
    if (t.kind === 'subdistrict') {
      // Sub-district offices and police stations stand near the middle of their share of town.
      places.push({ name: `${t.name}办事处`, nameEn: `${t.nameEn} Office`, kind: 'government', rank: 4, p: [t.seat[0] + 40, t.seat[1] - 60] });
      places.push({ name: `${t.stem.zh}派出所`, nameEn: `${t.nameEn.replace(' Subdistrict', '')} Police Station`, kind: 'police', rank: 4, p: [t.seat[0] - 70, t.seat[1] + 50] });
    }
  }
  for (const v of villages) {
    places.push({ name: v.name, nameEn: v.nameEn, kind: v.kind === 'community' ? 'community' : 'village', rank: v.kind === 'community' ? 4 : 5, p: v.seat });
  }
  for (const f of facilities) {
    if (!f.placeKind) continue;
    places.push({ name: f.name, nameEn: f.nameEn, kind: f.placeKind, rank: f.plan === 0 ? 3 : 4, p: f.p });
  }
  return places;
}
