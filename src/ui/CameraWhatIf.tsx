// UI: what-if editing of one camera in its details — turn its heading, widen or narrow its field
// of view, change its range, drag it on the map — with the county coverage it gives beside it and
// a reset. Marked throughout as a what-if: the camera register itself is not changed.
import { useEffect, useState } from 'react';
import type { CameraFeature } from '../model';
import { editCamera, originalEdit, resetAllCameras, resetCamera, setMovingCamera, useCameraWhatIf, type CameraEdit } from '../state/camera-whatif';
import { useCoverage } from '../state/coverage';
import { useLayers } from '../state/layers';
import { distanceM } from '../analysis/cameras/in-sector';
import { fill, formatNumber, useLang, useT, type MessageKey } from '../i18n';
import { pct } from './CoveragePanel';

export function CameraWhatIf({ camera }: { camera: CameraFeature }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const id = camera.properties.id;
  const edit = useCameraWhatIf((s) => s.edits[id]);
  const editedCount = useCameraWhatIf((s) => Object.keys(s.edits).length);
  const moving = useCameraWhatIf((s) => s.moving === id);
  const saveError = useCameraWhatIf((s) => s.saveError);
  const report = useCoverage((s) => s.report);
  const coverageOn = useLayers((s) => s.visible.coverage);
  const original = originalEdit(camera);
  const now = edit ?? original;
  // Leaving this camera's details ends its drag.
  useEffect(() => () => (useCameraWhatIf.getState().moving === id ? setMovingCamera(null) : undefined), [id]);
  const n = (x: number) => formatNumber(lang, x);
  const field = (key: 'heading' | 'fov' | 'range', label: MessageKey, min: number, max: number, step: number) => (
    <label className="option whatif-field">
      <span>{t(label)}</span>
      <input type="range" min={min} max={max} step={step} value={now[key]} aria-label={t(label)} onChange={(e) => editCamera(camera, { [key]: Number(e.target.value) })} />
      <NumberInput testId={`camera-whatif-${key}`} value={now[key]} min={min} max={max} onCommit={(x) => editCamera(camera, { [key]: x } as Partial<CameraEdit>)} />
    </label>
  );
  const moved = edit ? distanceM(original.lng, original.lat, edit.lng, edit.lat) : 0;
  return (
    <section className="whatif" data-testid="camera-whatif" data-edited={String(Boolean(edit))}>
      <h4>
        {t('whatif.title')}
        {edit && (
          <span className="badge" data-testid="camera-whatif-badge">
            {t('whatif.edited')}
          </span>
        )}
      </h4>
      <p className="muted">{t('whatif.note')}</p>
      {field('heading', 'whatif.heading', 0, 359, 1)}
      <div className="option">
        <button className="link" data-testid="camera-whatif-turn-left" onClick={() => editCamera(camera, { heading: now.heading - 15 })}>
          ↺ {t('whatif.turnLeft')}
        </button>
        <button className="link" data-testid="camera-whatif-turn-right" onClick={() => editCamera(camera, { heading: now.heading + 15 })}>
          ↻ {t('whatif.turnRight')}
        </button>
      </div>
      {field('fov', 'whatif.fov', 1, 360, 1)}
      {field('range', 'whatif.range', 5, 300, 5)}
      <label className="option">
        <input type="checkbox" data-testid="camera-whatif-move" checked={moving} onChange={(e) => setMovingCamera(e.target.checked ? id : null)} /> {moving ? t('whatif.move.on') : t('whatif.move')}
      </label>
      {edit && (
        <p className="muted" data-testid="camera-whatif-register">
          {fill(t('whatif.register'), { heading: n(original.heading), fov: n(original.fov), range: n(original.range) })}
          {moved > 0.5 && ` · ${fill(t('whatif.moved'), { m: n(Math.round(moved)) })}`}
        </p>
      )}
      {report && (
        <p data-testid="camera-whatif-coverage" data-covered={report.county.coveredIncidents} data-incidents={report.county.incidents}>
          {fill(t('whatif.coverage'), { p: pct(lang, report.county.byIncidents, 2), covered: n(report.county.coveredIncidents), total: n(report.county.incidents) })}
        </p>
      )}
      {!coverageOn && <p className="muted">{t('whatif.coverage.off')}</p>}
      <div className="option">
        <button className="action" data-testid="camera-whatif-reset" disabled={!edit} onClick={() => resetCamera(id)}>
          {t('whatif.reset')}
        </button>
        {editedCount > (edit ? 1 : 0) && (
          <button className="link" data-testid="camera-whatif-reset-all" onClick={resetAllCameras}>
            {fill(t('whatif.resetAll'), { n: editedCount })}
          </button>
        )}
      </div>
      {saveError && <p className="warn">{fill(t('whatif.saveFailed'), { message: saveError })}</p>}
    </section>
  );
}

/** A number field that lets the user type freely and commits each valid number within [min, max]. */
function NumberInput({ testId, value, min, max, onCommit }: { testId: string; value: number; min: number; max: number; onCommit(x: number): void }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  return (
    <input
      type="number"
      data-testid={testId}
      min={min}
      max={max}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        const x = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(x) && x >= min && x <= max) onCommit(x);
      }}
      onBlur={() => setDraft(String(value))}
    />
  );
}
