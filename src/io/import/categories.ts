// IO (pure): the file's category texts matched to the dataset's offence kinds (by Chinese name,
// English name or id); a text no kind has is kept as "other" (其他) and flagged, never dropped.
import type { OffenceKind } from '../../model/incident';

export interface CategoryMatch {
  /** The dataset's kinds, with an "other" kind added when one was needed and missing. */
  kinds: OffenceKind[];
  /** Import code → kind code. */
  toKind: Uint16Array;
  /** The texts kept as "other", with how many accepted rows carry each, most first. */
  unknown: { name: string; rows: number }[];
}

export const OTHER_KIND_ID = 'other';

export function matchCategories(names: readonly string[], codes: Uint16Array, kinds: readonly OffenceKind[]): CategoryMatch {
  const byName = new Map<string, number>();
  for (const k of kinds) for (const n of [k.zh, k.en, k.id]) byName.set(n.trim().toLowerCase(), k.code);
  const out = kinds.slice();
  const toKind = new Uint16Array(names.length);
  const unknownCodes: number[] = [];
  let other = kinds.find((k) => k.id === OTHER_KIND_ID)?.code;
  names.forEach((name, i) => {
    const k = byName.get(name.trim().toLowerCase());
    if (k !== undefined) toKind[i] = k;
    else {
      if (other === undefined) {
        other = Math.max(-1, ...kinds.map((x) => x.code)) + 1;
        out.push({ code: other, id: OTHER_KIND_ID, zh: '其他', en: 'Other', caseClass: 'public-order' });
      }
      toKind[i] = other;
      unknownCodes.push(i);
    }
  });
  const counts = new Uint32Array(names.length);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  const unknown = unknownCodes.map((c) => ({ name: names[c], rows: counts[c] })).sort((a, b) => b.rows - a.rows);
  return { kinds: out, toKind, unknown };
}

/** Rewrites the category column from import codes to kind codes, in place. */
export function applyCategoryMatch(codes: Uint16Array, match: CategoryMatch): void {
  for (let i = 0; i < codes.length; i++) codes[i] = match.toKind[codes[i]];
}
