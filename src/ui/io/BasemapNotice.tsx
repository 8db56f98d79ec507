// UI: a basemap that could not be used (config.json names one that is not there, a picked file
// that is not a tile archive, a style from an origin not allowed) — said on the map, dismissible;
// the map keeps drawing the basemap it had. The detail is rendered as text.
import { useT } from '../../i18n';
import { dismissBasemapProblems, useBasemap } from '../../state/basemap';
import { DismissibleNotice } from '../DismissibleNotice';

export function BasemapNotice() {
  const t = useT();
  const problems = useBasemap((s) => s.problems);
  return <DismissibleNotice className="basemap-notice" testId="basemap-notice" title={t('basemap.problem')} items={problems} onDismiss={dismissBasemapProblems} />;
}
