// UI: the incident filter — period, case classes and their offence kinds, and the area (a town,
// a grid, or one drawn on the map). Every incident view follows it.
import { useShallow } from 'zustand/react/shallow';
import { useEffect, useRef, useState } from 'react';
import { CASE_CLASSES, type CaseClass, type OffenceKind } from '../model';
import type { DatasetManifest, MapData } from '../model';
import { useFilters } from '../state/filters';
import { useAreaDrawing } from '../state/area-drawing';
import { PERIOD_PRESETS, datesOfRange, isPeriodPreset, presetOf, presetRange, rangeOfDates } from '../state/incident-filter';
import { useLang, useT } from '../i18n';

export function FilterPanel({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { timeRange, setTimeRange, hiddenKinds, toggleKinds, townId, setTown, gridId, setGrid, drawnArea, setDrawnArea } = useFilters(useShallow((s) => ({ timeRange: s.timeRange, setTimeRange: s.setTimeRange, hiddenKinds: s.hiddenKinds, toggleKinds: s.toggleKinds, townId: s.townId, setTown: s.setTown, gridId: s.gridId, setGrid: s.setGrid, drawnArea: s.drawnArea, setDrawnArea: s.setDrawnArea })));
  const { drawing, setDrawing } = useAreaDrawing(useShallow((s) => ({ drawing: s.drawing, setDrawing: s.setDrawing })));
  const manifest = data.manifest;
  const preset = presetOf(timeRange, manifest);
  const towns = data.admin.features.filter((f) => f.properties.level === 'town');
  const grid = gridId ? data.grids.features.find((g) => g.properties.id === gridId) : undefined;
  const name = (p: { name: string; nameEn: string }) => (lang === 'en' ? p.nameEn : p.name);
  return (
    <section className="panel filters">
      <h2>{t('filters.title')}</h2>
      <label className="option">
        {t('filters.period')}
        <select
          data-testid="filter-period"
          value={preset}
          onChange={(e) => isPeriodPreset(e.target.value) && setTimeRange(presetRange(e.target.value, manifest), e.target.value)}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`filters.period.${p}`)}
            </option>
          ))}
          {preset === 'custom' && <option value="custom">{t('filters.period.custom')}</option>}
        </select>
      </label>
      <PeriodDates timeRange={timeRange} manifest={manifest} setTimeRange={setTimeRange} />
      <fieldset className="option">
        <legend>{t('filters.classes')}</legend>
        {CASE_CLASSES.map((c) => (
          <CaseClassChoice
            key={c}
            caseClass={c}
            kinds={manifest.offenceKinds.filter((k) => k.caseClass === c)}
            hiddenKinds={hiddenKinds}
            toggleKinds={toggleKinds}
          />
        ))}
      </fieldset>
      <label className="option">
        {t('filters.town')}
        <select data-testid="filter-town" value={townId ?? ''} onChange={(e) => setTown(e.target.value || null)}>
          <option value="">{t('filters.town.all')}</option>
          {towns.map((f) => (
            <option key={f.properties.id} value={f.properties.id}>
              {name(f.properties)}
            </option>
          ))}
        </select>
      </label>
      <div className="option area-draw">
        <button data-testid="draw-area" className={drawing ? 'active' : ''} onClick={() => setDrawing(!drawing)}>
          {drawing ? t('filters.draw.cancel') : t('filters.draw')}
        </button>
        {drawing && <p className="hint">{t('filters.draw.hint')}</p>}
      </div>
      {drawnArea && (
        <p className="option chip" data-testid="filter-drawn">
          {t('filters.drawn')}
          <button onClick={() => setDrawnArea(null)} aria-label={t('filters.clear')}>
            ×
          </button>
        </p>
      )}
      {grid && (
        <p className="option chip" data-testid="filter-grid">
          {t('filters.grid')}: {name(grid.properties)}
          <button onClick={() => setGrid(null)} aria-label={t('filters.clear')}>
            ×
          </button>
        </p>
      )}
    </section>
  );
}

/**
 * From / to dates (the brush alone needs pixel precision). The to-date is inclusive here, as a
 * user means it; the range is exclusive inside ([from midnight, midnight after to)). With no
 * period chosen the fields show the dataset's first and last day. A half-typed or reversed pair
 * waits, unapplied, until it makes a range.
 */
function PeriodDates(props: { timeRange: [number, number] | null; manifest: DatasetManifest; setTimeRange(r: [number, number] | null): void }) {
  const { timeRange, manifest, setTimeRange } = props;
  const t = useT();
  const tz = manifest.timeZone;
  const [minDate, maxDate] = datesOfRange([manifest.timeRange[0], manifest.timeRange[1] + 1], tz);
  const shown = timeRange ? datesOfRange(timeRange, tz) : [minDate, maxDate];
  const [dates, setDates] = useState<[string, string]>([shown[0], shown[1]]);
  useEffect(() => setDates([shown[0], shown[1]]), [shown[0], shown[1]]);
  const change = (k: 0 | 1, value: string) => {
    const next: [string, string] = k === 0 ? [value, dates[1]] : [dates[0], value];
    setDates(next);
    const range = rangeOfDates(next[0], next[1], tz);
    if (range) setTimeRange(range);
  };
  return (
    <div className="option period-dates">
      <label>
        {t('filters.period.from')}
        <input type="date" data-testid="period-from" value={dates[0]} min={minDate} max={maxDate} onChange={(e) => change(0, e.target.value)} />
      </label>
      <label>
        {t('filters.period.to')}
        <input type="date" data-testid="period-to" value={dates[1]} min={minDate} max={maxDate} onChange={(e) => change(1, e.target.value)} />
      </label>
    </div>
  );
}

/** A case class's checkbox (all its kinds; mixed when some are hidden) and, folded, its kinds. */
function CaseClassChoice(props: { caseClass: CaseClass; kinds: OffenceKind[]; hiddenKinds: string[]; toggleKinds(ids: string[]): void }) {
  const { caseClass, kinds, hiddenKinds, toggleKinds } = props;
  const t = useT();
  const lang = useLang((s) => s.lang);
  const box = useRef<HTMLInputElement>(null);
  const hidden = kinds.filter((k) => hiddenKinds.includes(k.id)).length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = hidden > 0 && hidden < kinds.length;
  }, [hidden, kinds.length]);
  return (
    <details className="case-class">
      <summary>
        <label className="check" onClick={(e) => e.stopPropagation()}>
          <input
            ref={box}
            type="checkbox"
            data-testid={`filter-class-${caseClass}`}
            checked={hidden === 0}
            onChange={() => toggleKinds(kinds.map((k) => k.id))}
          />
          {t(`caseClass.${caseClass}`)}
        </label>
      </summary>
      {kinds.map((k) => (
        <label key={k.id} className="check kind">
          <input
            type="checkbox"
            data-testid={`filter-kind-${k.id}`}
            checked={!hiddenKinds.includes(k.id)}
            onChange={() => toggleKinds([k.id])}
          />
          {lang === 'en' ? k.en : k.zh}
        </label>
      ))}
    </details>
  );
}
