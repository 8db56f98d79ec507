// Analysis (PURE): offence severity weights for ranking blind spots — how much one incident of a
// kind counts. County statistics report criminal cases (刑事案件) apart from, and as graver than,
// public-order cases (治安案件); disputes and traffic accidents are not offences against the person
// or property that a camera deters (DOMAIN.md). So by default an incident weighs 3 when criminal,
// 2 when public-order and 1 otherwise; a dataset may set its own weight per offence kind
// (`severity` in its offence dictionary), which then wins. Imports only the model.
import type { CaseClass, OffenceKind } from '../../model/incident';

/** Default weight of one incident by its case class. */
export const DEFAULT_SEVERITY: Readonly<Record<CaseClass, number>> = { criminal: 3, 'public-order': 2, dispute: 1, traffic: 1 };

/**
 * Weight per category code (the index's category column), for codes 0 … max code: the kind's
 * own `severity` when it is a finite number ≥ 0, else its case class's default; codes no kind
 * names weigh 1.
 */
export function severityWeights(kinds: readonly OffenceKind[]): Float64Array {
  const size = kinds.reduce((m, k) => Math.max(m, k.code + 1), 0);
  const w = new Float64Array(size).fill(1);
  for (const k of kinds) w[k.code] = Number.isFinite(k.severity) && k.severity! >= 0 ? k.severity! : (DEFAULT_SEVERITY[k.caseClass] ?? 1);
  return w;
}
