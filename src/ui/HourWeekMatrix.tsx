// UI: incidents by weekday and hour of day (7 × 24). Clicking a cell, a weekday or an hour
// toggles it in the filter; the map then shows only those hours.
import { useShallow } from 'zustand/react/shallow';
import { useMemo, useState } from 'react';
import { interpolateYlOrRd, max } from 'd3';
import { useFilters } from '../state/filters';
import { formatNumber, useLang, useT } from '../i18n';

const CELL_W = 15;
const CELL_H = 14;
const LEFT = 30;
const TOP = 14;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = Array.from({ length: 7 }, (_, d) => d);

export function HourWeekMatrix({ matrix }: { matrix: Uint32Array }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { hoursOfWeek, toggleHoursOfWeek, clearHoursOfWeek } = useFilters(useShallow((s) => ({ hoursOfWeek: s.hoursOfWeek, toggleHoursOfWeek: s.toggleHoursOfWeek, clearHoursOfWeek: s.clearHoursOfWeek })));
  const selected = useMemo(() => new Set(hoursOfWeek), [hoursOfWeek]);
  const top = max(matrix) || 1;
  const names = t('time.weekdays').split(',');
  // The keyboard reaches the matrix: arrows move a focus cell, Enter or Space toggles it.
  // Which cell has the focus is this component's own business, not the store's.
  const [focus, setFocus] = useState<number | null>(null);
  const onKeyDown = (e: React.KeyboardEvent<SVGSVGElement>) => {
    const k = focus ?? 0;
    const d = Math.floor(k / 24);
    const h = k % 24;
    const moves: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setFocus(focus === null ? 0 : ((d + move[0] + 7) % 7) * 24 + ((h + move[1] + 24) % 24));
    } else if ((e.key === 'Enter' || e.key === ' ') && focus !== null) {
      e.preventDefault();
      toggleHoursOfWeek([focus]);
    }
  };
  return (
    <div className="matrix">
      <svg
        width={LEFT + 24 * CELL_W + 2}
        height={TOP + 7 * CELL_H + 2}
        data-testid="hour-week-matrix"
        tabIndex={0}
        role="group"
        aria-label={t('time.matrixKeyboard')}
        onKeyDown={onKeyDown}
        onBlur={() => setFocus(null)}
      >
        {HOURS.filter((h) => h % 3 === 0).map((h) => (
          <text key={h} className="axis-label clickable" x={LEFT + h * CELL_W + CELL_W / 2} y={10} textAnchor="middle" onClick={() => toggleHoursOfWeek(DAYS.map((d) => d * 24 + h))}>
            {h}
          </text>
        ))}
        {DAYS.map((d) => (
          <g key={d}>
            <text className="axis-label clickable" x={LEFT - 4} y={TOP + d * CELL_H + CELL_H - 3} textAnchor="end" onClick={() => toggleHoursOfWeek(HOURS.map((h) => d * 24 + h))}>
              {t('time.weekdayPrefix')}
              {names[d]}
            </text>
            {HOURS.map((h) => {
              const k = d * 24 + h;
              const on = selected.size === 0 || selected.has(k);
              return (
                <rect
                  key={h}
                  data-testid={`how-${k}`}
                  x={LEFT + h * CELL_W}
                  y={TOP + d * CELL_H}
                  width={CELL_W - 1}
                  height={CELL_H - 1}
                  fill={interpolateYlOrRd(0.08 + (0.92 * matrix[k]) / top)}
                  opacity={on ? 1 : 0.25}
                  stroke={selected.has(k) ? '#0072b2' : 'none'}
                  strokeWidth={selected.has(k) ? 2 : 0}
                  onClick={() => toggleHoursOfWeek([k])}
                >
                  <title>{`${t('time.weekdayPrefix')}${names[d]} ${h}:00–${h + 1}:00 · ${formatNumber(lang, matrix[k])}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
        {focus !== null && (
          <rect
            className="matrix-focus"
            data-testid="matrix-focus"
            x={LEFT + (focus % 24) * CELL_W - 1}
            y={TOP + Math.floor(focus / 24) * CELL_H - 1}
            width={CELL_W + 1}
            height={CELL_H + 1}
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
          >
            <title>{`${t('time.weekdayPrefix')}${names[Math.floor(focus / 24)]} ${focus % 24}:00–${(focus % 24) + 1}:00 · ${formatNumber(lang, matrix[focus])}`}</title>
          </rect>
        )}
      </svg>
      <p className="muted">
        {selected.size === 0 ? t('time.matrixHint') : `${t('time.selectedHours')}: ${selected.size}`}{' '}
        {selected.size > 0 && (
          <button className="link" data-testid="clear-hours" onClick={clearHoursOfWeek}>
            {t('time.allHours')}
          </button>
        )}
      </p>
    </div>
  );
}
