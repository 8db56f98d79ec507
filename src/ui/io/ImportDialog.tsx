// UI: the import dialog — kind, file (picker or a drop on the map), preview of the first rows
// with a column selector per field, the coordinate system with the offset hint, the time zone,
// progress with cancel, then the report: every rejected row with its line and reason,
// downloadable as CSV. Every value from the file is rendered as text.
import { useEffect } from 'react';
import { fill, formatNumber, useLang, useT, type MessageKey } from '../../i18n';
import { IMPORT_KINDS, KIND_FIELDS, type ImportKind, type MappingField } from '../../io/import/mapping';
import { rejectionText } from '../../io/import/reasons';
import { tableToCsvBytes } from '../../io/export/writers';
import type { CoordinateSystem } from '../../model/geo';
import {
  cancelImport, chooseImportFile, closeImportDialog, setImportColumn, setImportCrs, setImportKind, setImportTimeZone, startImport, useImport,
} from '../../state/import';
import { download } from '../briefing/briefing-export';
import { BasemapFilePicker } from './BasemapFilePicker';
import { FilePicker } from './FilePicker';
import { chooseBasemapFile } from '../../state/basemap';
import { basemapFormatOf } from '../../io/app-config';

const REPORT_ROWS_SHOWN = 500;
const CRS_CHOICES: CoordinateSystem[] = ['WGS84', 'GCJ02', 'BD09'];

export function ImportDialog() {
  const t = useT();
  const s = useImport();
  useDropOnMap();
  if (s.phase === 'closed') return null;
  return (
    <div className="import-backdrop">
      <section className="import-dialog" role="dialog" aria-label={t('import.title')} data-testid="import-dialog">
        <header>
          <h2>{t('import.title')}</h2>
          <button className="close" data-testid="import-close" onClick={closeImportDialog} aria-label={t('import.close')}>
            ×
          </button>
        </header>
        {(s.phase === 'choose' || s.phase === 'opening' || s.phase === 'preview' || s.phase === 'error' || s.phase === 'cancelled') && <Chooser />}
        {s.phase === 'preview' && <Preview />}
        {s.phase === 'running' && (
          <div className="import-running">
            <progress data-testid="import-progress" max={1} value={s.progress} />
            <span>{fill(t('import.progress'), { pct: String(Math.round(s.progress * 100)) })}</span>
            <button data-testid="import-cancel" onClick={cancelImport}>
              {t('import.cancel')}
            </button>
          </div>
        )}
        {s.phase === 'cancelled' && <p className="import-note">{t('import.cancelled')}</p>}
        {s.phase === 'error' && <p className="import-error" data-testid="import-error">{fill(t('import.failed'), { message: s.error ?? '' })}</p>}
        {s.phase === 'report' && <Report />}
      </section>
    </div>
  );
}

function Chooser() {
  const t = useT();
  const kind = useImport((s) => s.kind);
  return (
    <div className="import-choose">
      <label>
        {t('import.kind')}{' '}
        <select data-testid="import-kind" value={kind} onChange={(e) => void setImportKind(e.target.value as ImportKind)}>
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`import.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <FilePicker className="import-file" label={t('import.file')} testId="import-file" accept=".csv,.txt,.tsv,.xlsx,.xls,.geojson,.json,.zip" onFile={(f) => void chooseImportFile(f)} />
      <small>{t('import.file.hint')}</small>
      <BasemapFilePicker onChosen={closeImportDialog} />
    </div>
  );
}

function Preview() {
  const t = useT();
  const lang = useLang((l) => l.lang);
  const s = useImport();
  const p = s.preview!;
  const fields = [...KIND_FIELDS[s.kind].required, ...KIND_FIELDS[s.kind].optional];
  const missing = KIND_FIELDS[s.kind].required.filter((f) => s.mapping[f] === undefined);
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>
        {s.fileName} · {fill(t('import.encoding'), { encoding: p.encoding })} · {fill(t('import.report.total'), { total: formatNumber(lang, p.approxRows) })}
      </p>
      <div className="import-mapping">
        {fields.map((f) => (
          <label key={f}>
            {fill(t('import.column'), { field: t(`import.field.${f}` as MessageKey) })}{' '}
            <select data-testid={`import-map-${f}`} value={s.mapping[f] ?? ''} onChange={(e) => setImportColumn(f as MappingField, e.target.value === '' ? undefined : Number(e.target.value))}>
              <option value="">{t('import.column.none')}</option>
              {p.header.map((h, i) => (
                <option key={i} value={i}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          {t('import.crs')}{' '}
          <select data-testid="import-crs" value={s.crs} onChange={(e) => setImportCrs(e.target.value as CoordinateSystem)}>
            {CRS_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`import.crs.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {s.kind === 'incidents' && (
          <label>
            {t('import.timeZone')} <input data-testid="import-tz" value={s.timeZone} onChange={(e) => setImportTimeZone(e.target.value)} size={16} />
          </label>
        )}
      </div>
      {s.hint?.suggest && s.crs !== s.hint.suggest && (
        <p className="import-hint" data-testid="import-hint">
          {fill(t(s.hint.suggest === 'BD09' ? 'import.hint.bd09' : 'import.hint.gcj02'), { m: formatNumber(lang, s.hint.shiftM) })}
        </p>
      )}
      <div className="import-table-wrap">
        <table className="import-table">
          <caption>{fill(t('import.preview'), { n: String(p.rows.length) })}</caption>
          <thead>
            <tr>
              {p.header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r, i) => (
              <tr key={i}>
                {p.header.map((_, k) => (
                  <td key={k}>{r[k] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button className="primary" data-testid="import-start" disabled={missing.length > 0} onClick={() => void startImport()}>
        {t('import.start')}
      </button>
    </div>
  );
}

function Report() {
  const t = useT();
  const lang = useLang((l) => l.lang);
  const r = useImport((s) => s.report)!;
  const n = (x: number) => formatNumber(lang, x);
  const save = () => {
    const rows = r.rejected.map((x) => [x.line, rejectionText(x, 'zh-CN'), rejectionText(x, 'en'), x.detail]);
    const bytes = tableToCsvBytes({ columns: ['行号 line', '原因', 'reason', 'detail'], rows });
    download(new Blob([bytes as BlobPart], { type: 'text/csv;charset=utf-8' }), `${r.fileName.replace(/\.[^.]+$/, '')}-需修改的行.csv`);
  };
  return (
    <div className="import-report" data-testid="import-report">
      <h3>{t('import.report')}</h3>
      <p className="import-counts">
        <span data-testid="import-total" data-value={r.total}>{fill(t('import.report.total'), { total: n(r.total) })}</span>
        {' · '}
        <span data-testid="import-accepted" data-value={r.accepted}>{fill(t('import.report.accepted'), { accepted: n(r.accepted) })}</span>
        {' · '}
        <span data-testid="import-rejected" data-value={r.rejected.length}>{fill(t('import.report.rejected'), { rejected: n(r.rejected.length) })}</span>
      </p>
      <small>{t('import.report.definition')}</small>
      {r.accepted > 0 && <p>{fill(t('import.report.applied'), { kind: t(`import.kind.${r.kind}`) })}</p>}
      {r.timeZone && <p data-testid="import-time-zone">{fill(t('import.report.timeZone'), { tz: r.timeZone })}</p>}
      {r.unknown.length > 0 && (
        <p className="import-other" data-testid="import-other">
          {fill(t('import.report.other'), { n: n(r.unknown.reduce((a, u) => a + u.rows, 0)), names: r.unknown.map((u) => u.name).join('、') })}
        </p>
      )}
      {r.rejected.length > 0 && (
        <>
          <button data-testid="import-report-download" onClick={save}>
            {t('import.report.download')}
          </button>
          <div className="import-table-wrap">
            <table className="import-table" data-testid="import-rejections">
              <thead>
                <tr>
                  <th>{t('import.report.line')}</th>
                  <th>{t('import.report.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {r.rejected.slice(0, REPORT_ROWS_SHOWN).map((x, i) => (
                  <tr key={i} data-line={x.line} data-code={x.codes[0]}>
                    <td>{x.line}</td>
                    <td title={x.detail}>{rejectionText(x, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** A file dragged over the map opens the dialog with it on drop. */
function useDropOnMap(): void {
  useEffect(() => {
    const onMap = (e: DragEvent) => e.target instanceof Element && e.target.closest('[data-testid="map"], .map-area') !== null;
    const over = (e: DragEvent) => {
      if (!onMap(e) || !e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      const f = e.dataTransfer?.files?.[0];
      if (!onMap(e) || !f) return;
      e.preventDefault();
      // A tile archive dropped on the map becomes the basemap; it is not data to import.
      if (basemapFormatOf(f.name) !== 'style') return void chooseBasemapFile(f);
      if (useImport.getState().phase === 'closed') {
        useImport.setState({ phase: 'choose' });
      }
      void chooseImportFile(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
