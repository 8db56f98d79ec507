// UI: the daily incident trend (d3) with a brush that sets the time filter. While the user drags,
// the range is applied once per animation frame, so the hexagons follow the hand.
import { useEffect, useMemo, useRef } from 'react';
import { area, brushX, curveStepAfter, line, max, scaleLinear, scaleTime, select, axisBottom, utcFormat, type BrushBehavior } from 'd3';
import type { TimeSeries } from '../state/incident-results';
import { useFilters } from '../state/filters';
import { zoneOffsetMs } from '../analysis/time/zoned-time';

const HEIGHT = 130;
const MARGIN = { top: 8, right: 12, bottom: 20, left: 40 };
const DAY_MS = 86_400_000;

/** Seven-day centred moving average: the trend a briefing reads, without weekday noise. */
function movingAverage(counts: Uint32Array, window = 7): Float64Array {
  const out = new Float64Array(counts.length);
  const half = Math.floor(window / 2);
  for (let i = 0; i < counts.length; i++) {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(counts.length - 1, i + half); j++) (sum += counts[j]), n++;
    out[i] = sum / n;
  }
  return out;
}

export function TrendChart({ series, width, timeZone }: { series: TimeSeries; width: number; timeZone: string }) {
  const brushRef = useRef<SVGGElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const timeRange = useFilters((s) => s.timeRange);
  const innerW = Math.max(100, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = series.bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const end = series.start + series.counts.length * step;

  const x = useMemo(() => scaleTime().domain([series.start, end]).range([0, innerW]), [series.start, end, innerW]);
  // A week of days, or a month of weeks: long enough to calm the noise, short enough to turn.
  const avg = useMemo(() => movingAverage(series.counts, series.bucket === 'day' ? 7 : 4), [series.counts, series.bucket]);
  const y = useMemo(() => scaleLinear().domain([0, max(series.counts) ?? 1]).nice().range([innerH, 0]), [series.counts, innerH]);
  const paths = useMemo(() => {
    const idx = Array.from(series.counts, (_, i) => i);
    const t = (i: number) => x(series.start + i * step);
    const halfStepPx = (x(series.start + step) - x(series.start)) / 2;
    return {
      bars: area<number>().x(t).y0(innerH).y1((i) => y(series.counts[i])).curve(curveStepAfter)(idx) ?? '',
      trend: line<number>().x((i) => t(i) + halfStepPx).y((i) => y(avg[i]))(idx) ?? '',
    };
  }, [series, x, y, avg, step, innerH]);

  // The brush is d3's: it owns its <g>; React only tells it the range when that changes elsewhere.
  const brush = useMemo<BrushBehavior<unknown>>(() => {
    let frame = 0;
    let pending: [number, number] | null = null;
    const snap = (px: number) => {
      const t = x.invert(px).getTime();
      return series.start + Math.round((t - series.start) / DAY_MS) * DAY_MS;
    };
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
  }, [x, innerW, innerH, series.start]);

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

  return (
    <svg className="trend" width={width} height={HEIGHT} data-testid="trend-chart">
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <path d={paths.bars} className="trend-bars" />
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
