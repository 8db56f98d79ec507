// UI: a siting plan's marginal-gain curve (d3 scales, React draws): incidents newly covered
// against cameras added. Flattening shows where more cameras stop paying.
import { line, scaleLinear } from 'd3';
import { formatNumber, useLang, useT } from '../i18n';

const W = 250;
const H = 130;
const LEFT = 40;
const BOTTOM = 22;

export function PlanCurve({ curve }: { curve: readonly number[] }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const n = Math.max(1, curve.length - 1);
  const top = Math.max(1, curve[curve.length - 1] ?? 0);
  const x = scaleLinear().domain([0, n]).range([LEFT, W - 8]);
  const y = scaleLinear().domain([0, top]).range([H - BOTTOM, 8]);
  const d = line<number>().x((_, i) => x(i)).y((v) => y(v))(curve as number[]) ?? '';
  return (
    <svg width={W} height={H} className="concentration" role="img" aria-label={t('siting.curve')} data-testid="plan-curve" data-points={curve.length}>
      <line x1={x(0)} y1={y(0)} x2={x(n)} y2={y(0)} className="guide" />
      <line x1={x(0)} y1={y(0)} x2={x(0)} y2={y(top)} className="guide" />
      <path d={d} className="curve" />
      <text x={x(0)} y={H - 6} className="axis-label">0</text>
      <text x={x(n)} y={H - 6} className="axis-label" textAnchor="end">{`${formatNumber(lang, n)} ${t('siting.curve.x')}`}</text>
      <text x={LEFT - 4} y={y(top) + 4} className="axis-label" textAnchor="end">{formatNumber(lang, top)}</text>
      <text x={LEFT - 4} y={y(0)} className="axis-label" textAnchor="end">0</text>
    </svg>
  );
}
