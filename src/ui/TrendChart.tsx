// UI: the daily incident trend (d3) with a brush that sets the time filter. While the user drags,
// the range is applied once per animation frame, so the hexagons follow the hand.
import { useEffect, useMemo, useRef } from 'react';
import { area, brushX, curveStepAfter, line, max, scaleLinear, scaleTime, select, axisBottom, utcFormat, type BrushBehavior } from 'd3';
import type { TimeSeries } from '../state/incident-results';
import { useFilters } from '../state/filters';
import { zoneOffsetMs } from '../analysis/time/zoned-time';
import { completeMovingAverage } from '../analysis/time/time-series';
import { startOfLocalDay } from '../analysis/time/calendar-periods';
import { nudgeRange } from '../analysis/time/nudge-range';
import { localIsoDate } from '../analysis/hotspots/hotspot-status';
import { fill, useT } from '../i18n';

const HEIGHT = 130;
const MARGIN = { top: 8, right: 12, bottom: 20, left: 40 };
const DAY_MS = 86_400_000;

/**
 * The trend: bars per bucket and a moving average of the complete buckets (7 days, or 4 weeks).
 * `partial` marks buckets only partly covered by the data (hatched, lighter, left out of the
 * average), so a week with three days of data does not read as a fall.
 */
export function TrendChart({ series, width, timeZone, partial }: { series: TimeSeries; width: number; timeZone: string; partial: Uint8Array }) {
  const t = useT();
  const brushRef = useRef<SVGGElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const timeRange = useFilters((s) => s.timeRange);
  const innerW = Math.max(100, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { starts, counts } = series;
  const n = counts.length;
  const end = starts[n];

  const x = useMemo(() => scaleTime().domain([series.start, end]).range([0, innerW]), [series.start, end, innerW]);
  // A week of days, or a month of weeks: long enough to calm the noise, short enough to turn.
  const avg = useMemo(() => completeMovingAverage(counts, partial, series.bucket === 'day' ? 7 : 4), [counts, partial, series.bucket]);
  const y = useMemo(() => scaleLinear().domain([0, max(counts) ?? 1]).nice().range([innerH, 0]), [counts, innerH]);
  const paths = useMemo(() => {
    // n + 1 points stepping after each: bucket k spans its own start to the next (23–25 h days where DST changes).
    const edges = Array.from({ length: n + 1 }, (_, k) => k);
    const idx = Array.from(counts, (_, i) => i);
    const mid = (i: number) => (x(starts[i]) + x(starts[i + 1])) / 2;
    return {
      bars: area<number>().x((k) => x(starts[k])).y0(innerH).y1((k) => y(counts[Math.min(k, n - 1)])).curve(curveStepAfter)(edges) ?? '',
      trend: line<number>().defined((i) => Number.isFinite(avg[i])).x(mid).y((i) => y(avg[i]))(idx) ?? '',
    };
  }, [counts, starts, n, x, y, avg, innerH]);
  const partialIdx = useMemo(() => Array.from(partial, (p, i) => (p ? i : -1)).filter((i) => i >= 0), [partial]);

  // The brush is d3's: it owns its <g>; React only tells it the range when that changes elsewhere.
  const brush = useMemo<BrushBehavior<unknown>>(() => {
    let frame = 0;
    let pending: [number, number] | null = null;
    // The nearest local midnight in the dataset's zone (days are not all 24 h where DST changes).
    const snap = (px: number) => startOfLocalDay(x.invert(px).getTime() + DAY_MS / 2, timeZone);
    return brushX()
      .extent([
        [0, 0],
        [innerW, innerH],
      ])
      .on('brush end', (event: { selection: [number, number] | null; sourceEvent: unknown; type: string }) => {
        if (!event.sourceEvent) return; // moved by code, not by the user
        const sel = event.selection;
        pending = sel ? [snap(sel[0]), Math.max(snap(sel[1]), snap(sel[0]) + DAY_MS)] : null;
        const apply = () => {
          frame = 0;
          const current = useFilters.getState().timeRange;
          // The end of a drag usually repeats the last frame's range: nothing to recompute.
          if (current === pending || (current && pending && current[0] === pending[0] && current[1] === pending[1])) return;
          performance.mark('one-map:brush');
          useFilters.getState().setTimeRange(pending);
        };
        if (event.type === 'end') {
          cancelAnimationFrame(frame);
          apply();
        } else if (!frame) frame = requestAnimationFrame(apply);
      });
  }, [x, innerW, innerH, timeZone]);

  useEffect(() => {
    const g = select(brushRef.current!);
    g.call(brush);
    return () => {
      g.on('.brush', null);
    };
  }, [brush]);

  useEffect(() => {
    const g = select(brushRef.current!);
    brush.move(g, timeRange ? [x(timeRange[0]), x(timeRange[1])] : null);
  }, [brush, timeRange, x]);

  useEffect(() => {
    // Axis labels in the dataset's zone, whatever the viewer's machine is set to.
    const fmt = utcFormat('%Y-%m');
    const axis = axisBottom(x)
      .ticks(Math.max(2, Math.floor(innerW / 90)))
      .tickFormat((d) => {
        const ms = (d as Date).getTime();
        return fmt(new Date(ms + zoneOffsetMs(ms, timeZone)));
      });
    select(axisRef.current!).call(axis);
  }, [x, innerW, timeZone]);

  // The keyboard reaches the brush: arrows move the range by one bar, shift-arrows move its end.
  const onKeyDown = (e: React.KeyboardEvent<SVGSVGElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const steps = e.key === 'ArrowLeft' ? -1 : 1;
    const range = useFilters.getState().timeRange;
    const next = nudgeRange(range, e.shiftKey ? 'resize' : 'move', steps, series.bucket === 'day' ? 1 : 7, [series.start, end], timeZone);
    useFilters.getState().setTimeRange(next);
  };

  return (
    <svg
      className="trend"
      width={width}
      height={HEIGHT}
      data-testid="trend-chart"
      tabIndex={0}
      role="group"
      aria-label={t('trend.keyboard')}
      onKeyDown={onKeyDown}
    >
      <title>{t('trend.keyboard')}</title>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <defs>
          <pattern id="trend-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" className="trend-hatch-wash" />
            <line x1="0" y1="0" x2="0" y2="4" className="trend-hatch-line" />
          </pattern>
        </defs>
        <path d={paths.bars} className="trend-bars" />
        {partialIdx.map((i) => (
          <rect
            key={i}
            className="trend-partial"
            data-testid="trend-partial"
            x={x(starts[i])}
            width={Math.max(1, x(starts[i + 1]) - x(starts[i]))}
            y={0}
            height={innerH}
          >
            <title>{fill(t('trend.partial.title'), { from: localIsoDate(starts[i], timeZone), to: localIsoDate(starts[i + 1] - 1, timeZone) })}</title>
          </rect>
        ))}
        <path d={paths.trend} className="trend-line" />
        <text className="axis-label" x={-6} y={6} textAnchor="end">
          {y.domain()[1]}
        </text>
        <g ref={axisRef} transform={`translate(0,${innerH})`} className="axis" />
        <g ref={brushRef} className="brush" data-testid="trend-brush" />
      </g>
    </svg>
  );
}
