// UI: the siting planner's own candidate sites — a mode in which clicks on the map add a site
// (instead of selecting what lies there), the list of them with their place, each removable. The
// next run offers them to the planner beside the junctions, lanes and blind-spot centres; the plan
// keeps them.
import { useEffect } from 'react';
import { fill, formatNumber, useLang, useT } from '../i18n';
import { removeUserPoint, setPicking, useSiting } from '../state/siting';

export function SitingCandidates() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const points = useSiting((s) => s.userPoints);
  const picking = useSiting((s) => s.picking);
  // Closing the planner (the coverage layer off) ends the mode: clicks select again.
  useEffect(() => () => setPicking(false), []);
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPicking(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking]);
  const deg = (x: number) => formatNumber(lang, x, 5);
  return (
    <div className="siting-candidates" data-testid="siting-candidates" data-count={points.length}>
      <label className="option">
        <input type="checkbox" data-testid="siting-pick" checked={picking} onChange={(e) => setPicking(e.target.checked)} /> {picking ? t('siting.pick.on') : t('siting.pick')}
      </label>
      {points.length > 0 && (
        <ol className="candidates" data-testid="siting-candidate-list">
          {points.map((p, i) => (
            <li key={`${p[0]},${p[1]},${i}`}>
              {fill(t('siting.pick.item'), { lng: deg(p[0]), lat: deg(p[1]) })}{' '}
              <button className="link" data-testid={`siting-candidate-remove-${i + 1}`} aria-label={t('siting.pick.remove')} onClick={() => removeUserPoint(i)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="muted">{fill(t('siting.pick.definition'), { n: points.length })}</p>
    </div>
  );
}
