// UI: the concentration curve — share of cells (busiest first) against share of incidents.
import { line, scaleLinear } from 'd3';
import type { ConcentrationCurve } from '../analysis/evaluation/concentration';
import { useT } from '../i18n';

const W = 240;
const H = 120;
const PAD = 22;

export function ConcentrationChart({ curve }: { curve: ConcentrationCurve }) {
  const t = useT();
  const x = scaleLinear().domain([0, 1]).range([PAD, W - 6]);
  const y = scaleLinear().domain([0, 1]).range([H - PAD, 6]);
  const idx = Array.from(curve.cellShare, (_, i) => i);
  const d = line<number>().x((i) => x(curve.cellShare[i])).y((i) => y(curve.incidentShare[i]))(idx) ?? '';
  const half = curve.shareHoldingHalf;
  return (
    <svg width={W} height={H} className="concentration" role="img" aria-label={t('quality.curve')}>
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} className="equality" />
      <path d={d} className="curve" />
      <line x1={x(half)} y1={y(0)} x2={x(half)} y2={y(0.5)} className="guide" />
      <line x1={x(0)} y1={y(0.5)} x2={x(half)} y2={y(0.5)} className="guide" />
      <text x={x(0)} y={H - 6} className="axis-label">0</text>
      <text x={x(1)} y={H - 6} className="axis-label" textAnchor="end">100%</text>
      <text x={PAD - 4} y={y(0.5) + 3} className="axis-label" textAnchor="end">50%</text>
    </svg>
  );
}
