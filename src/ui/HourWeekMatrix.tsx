// UI: incidents by weekday and hour of day (7 × 24). Clicking a cell, a weekday or an hour
// toggles it in the filter; the map then shows only those hours.
import { useShallow } from 'zustand/react/shallow';
import { useMemo } from 'react';
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
  return (
    <div className="matrix">
      <svg width={LEFT + 24 * CELL_W + 2} height={TOP + 7 * CELL_H + 2} data-testid="hour-week-matrix">
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
