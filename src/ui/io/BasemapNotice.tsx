// UI: a basemap that could not be used (config.json names one that is not there, a picked file
// that is not a tile archive, a style from an origin not allowed) — said on the map, dismissible;
// the map keeps drawing the basemap it had. The detail is rendered as text.
import { useT } from '../../i18n';
import { dismissBasemapProblems, useBasemap } from '../../state/basemap';

export function BasemapNotice() {
  const t = useT();
  const problems = useBasemap((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <div className="url-notice basemap-notice" data-testid="basemap-notice" role="status">
      <span>{t('basemap.problem')}</span>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      <button className="url-notice-close" aria-label={t('link.dismiss')} title={t('link.dismiss')} onClick={dismissBasemapProblems}>
        ×
      </button>
    </div>
  );
}
