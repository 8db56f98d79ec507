// UI: the grid editor's side panel — enter/leave the editor mode, the tools (draw, split, merge,
// delete), undo/redo, the live figures, the topology list, attributes, versions, import/export.
import { useState } from 'react';
import type { MapData } from '../../model';
import { fill, useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { deleteSelected, replaceLayout, useGridEditor } from '../../state/grid-editor';
import { useGridEditorResults } from '../../state/grid-editor-results';
import { readGridsGeoJson, writeGridsGeoJson } from '../../io/grids-geojson';
import { GridStats } from './GridStats';
import { GridIssues } from './GridIssues';
import { GridAttributes } from './GridAttributes';
import { GridVersions } from './GridVersions';

export function GridEditorPanel({ data }: { data: MapData }) {
  const t = useT();
  const s = useGridEditor();
  const [report, setReport] = useState<string | null>(null);
  const grids = s.history?.grids ?? [];
  const tool = s.tool;
  const hint: MessageKey | null = tool === 'draw' ? 'ge.draw.hint' : tool === 'split' ? 'ge.split.hint' : tool === 'merge' ? 'ge.merge.hint' : s.open ? 'ge.selectHint' : null;

  const download = (blob: Blob, name: string) => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const exportGrids = () => {
    const issues = useGridEditorResults.getState().issues.length;
    const text = writeGridsGeoJson(grids, { name: data.manifest.name, savedAt: new Date().toISOString(), issues });
    download(new Blob([text], { type: 'application/geo+json' }), `grids-${data.manifest.name}.geojson`);
  };
  const exportShapefile = async () => {
    setReport(null);
    try {
      // Loaded on first use: the Shapefile writer and zip library stay out of the page's first load.
      const { writeGridsShapefile } = await import('../../io/grids-shapefile');
      const bytes = await writeGridsShapefile(grids, 'grids');
      download(new Blob([bytes as BlobPart], { type: 'application/zip' }), `grids-${data.manifest.name}.zip`);
    } catch (e) {
      setReport(fill(t('ge.exportShp.failed'), { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  const importFile = async (file: File) => {
    try {
      const r = readGridsGeoJson(await file.text());
      replaceLayout(r.grids);
      const list = r.rejected.map((x) => `#${x.index + 1} ${x.reason}`).join('；');
      setReport(fill(t('ge.import.report'), { n: r.grids.length, rejected: r.rejected.length, list: list || '—' }));
    } catch (e) {
      setReport(fill(t('ge.import.failed'), { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section className="panel grid-editor" data-testid="grid-editor" data-open={s.open}>
      <h2>{t('ge.title')}</h2>
      <div className="ge-tools">
        <button data-testid="tool-draw-grid" className={tool === 'draw' ? 'active' : ''} disabled={!s.history} onClick={() => s.setTool(tool === 'draw' ? 'none' : 'draw')}>
          {tool === 'draw' ? t('ge.cancel') : t('ge.draw')}
        </button>
        <button data-testid="grid-editor-open" onClick={() => s.setOpen(!s.open)} disabled={!s.history}>
          {s.open ? t('ge.close') : t('ge.open')}
        </button>
      </div>
      {s.open && (
        <>
          <div className="ge-tools">
            <button data-testid="grid-undo" title={t('ge.undo.title')} disabled={!s.history?.done.length} onClick={s.undo}>
              {t('ge.undo')}
            </button>
            <button data-testid="grid-redo" title={t('ge.redo.title')} disabled={!s.history?.undone.length} onClick={s.redo}>
              {t('ge.redo')}
            </button>
            <button data-testid="tool-split-grid" className={tool === 'split' ? 'active' : ''} disabled={!s.selectedId} onClick={() => s.setTool(tool === 'split' ? 'none' : 'split')}>
              {t('ge.split')}
            </button>
            <button data-testid="tool-merge-grid" className={tool === 'merge' ? 'active' : ''} disabled={!s.selectedId} onClick={() => s.setTool(tool === 'merge' ? 'none' : 'merge')}>
              {t('ge.merge')}
            </button>
            <button data-testid="grid-delete" disabled={!s.selectedId} onClick={deleteSelected}>
              {t('ge.delete')}
            </button>
          </div>
          {hint && <p className="hint">{t(hint)}</p>}
          {s.refused && (
            <p className="hint warn" role="alert">
              {t(`ge.refused.${s.refused}` as MessageKey)}
            </p>
          )}
          <p className="hint" data-testid="grid-summary">
            {fill(t('ge.summary'), { n: grids.length, done: s.history?.done.length ?? 0 })} ·{' '}
            {t(s.saved === 'saved' ? 'ge.saved' : s.saved === 'saving' ? 'ge.saving' : 'ge.saveFailed')}
          </p>
          <GridStats />
          <GridIssues data={data} />
          <GridAttributes data={data} />
          <GridVersions />
          <label className="option">
            {t('ge.settings.snap')}
            <input data-testid="grid-snap-px" type="number" min={0} max={50} value={s.settings.snapPx} onChange={(e) => s.setSettings({ snapPx: Math.max(0, Number(e.target.value) || 0) })} style={{ width: 50 }} />
          </label>
          <label className="option">
            {t('ge.settings.target')}
            <input
              type="number"
              min={10}
              step={10}
              value={s.settings.standard.target}
              onChange={(e) => {
                const target = Math.max(10, Number(e.target.value) || 300);
                // The flag bounds keep the standard's proportions: 200 and 400 around 300.
                s.setSettings({ standard: { target, min: Math.round((target * 2) / 3), max: Math.round((target * 4) / 3) } });
              }}
              style={{ width: 60 }}
            />
          </label>
        </>
      )}
      <div className="ge-tools">
        <button data-testid="export-grids" title={t('ge.export.title')} disabled={!s.history} onClick={exportGrids}>
          {t('ge.export')}
        </button>
        <button data-testid="export-grids-shp" title={t('ge.exportShp.title')} disabled={!s.history} onClick={() => void exportShapefile()}>
          {t('ge.exportShp')}
        </button>
        <label className="file-button">
          {t('ge.import')}
          <input data-testid="import-grids" type="file" accept=".geojson,.json,application/geo+json" hidden onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
        </label>
      </div>
      {report && (
        <p className="hint" data-testid="grid-import-report">
          {report}
        </p>
      )}
    </section>
  );
}
