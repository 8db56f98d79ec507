// UI: the briefing's export buttons — PNG and A4-landscape PDF of the sheet, made in the browser.
import { useState, type RefObject } from 'react';
import type { MapData } from '../../model';
import { useT } from '../../i18n';
import { briefingPdf, briefingPng, download } from './briefing-export';
import { kpiTextLines, rangeDates, type BriefingKpis } from './kpi-model';

export function BriefingExport({ sheet, kpis, data }: { sheet: RefObject<HTMLDivElement | null>; kpis: BriefingKpis; data: MapData }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [from, to] = rangeDates(kpis.periods.current, data.manifest.timeZone);
  const name = `briefing-${from}-${to}`;
  const run = (make: (node: HTMLElement) => Promise<Blob>, ext: string) => async () => {
    if (!sheet.current || busy) return;
    setBusy(true);
    try {
      download(await make(sheet.current), `${name}.${ext}`);
    } catch (e) {
      console.error('briefing export failed:', e);
    } finally {
      setBusy(false);
    }
  };
  const lines = kpiTextLines(kpis, data.manifest.timeZone);
  return (
    <>
      <button data-testid="export-briefing-png" disabled={busy} onClick={run(briefingPng, 'png')}>
        {busy ? t('briefing.exporting') : t('briefing.exportPng')}
      </button>
      <button data-testid="export-briefing-pdf" disabled={busy} onClick={run((node) => briefingPdf(node, `Briefing ${from}..${to}`, lines), 'pdf')}>
        {busy ? t('briefing.exporting') : t('briefing.exportPdf')}
      </button>
      {/* The same lines as the PDF's text page, for anyone (or any test) comparing them. */}
      <pre hidden data-testid="briefing-kpi-text">{lines.join('\n')}</pre>
    </>
  );
}
