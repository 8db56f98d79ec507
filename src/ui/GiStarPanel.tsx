// UI: the Gi* legend and the ranked list of significant hot spots; a click flies the map there.
import { cellToLatLng } from 'h3-js';
import { useIncidentResults } from '../state/incident-results';
import { useMapCamera } from '../state/map-camera';
import { formatNumber, useLang, useT } from '../i18n';
import { GI_CLASS_COLORS, GI_CLASSES_SHOWN } from '../map/layers/gistar-layer';
import type { RGBA } from '../map/colors';

const css = ([r, g, b, a]: RGBA) => `rgba(${r},${g},${b},${(a / 255).toFixed(2)})`;
const LIST_LENGTH = 10;

export function GiStarPanel() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const gi = useIncidentResults((s) => s.giStar);
  if (!gi) return <p className="muted">{t('app.loading')}</p>;
  const hot: number[] = [];
  for (let i = 0; i < gi.cells.length; i++) if (gi.classes[i].startsWith('hot')) hot.push(i);
  hot.sort((a, b) => gi.z[b] - gi.z[a]);
  const count = (c: string) => gi.classes.filter((x) => x === c).length;
  return (
    <>
      <p className="legend-title">{t('gistar.title')}</p>
      <ul className="bins two-col">
        {GI_CLASSES_SHOWN.map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: css(GI_CLASS_COLORS[c]) }} />
            {t(`gistar.${c}`)} <span className="count">{formatNumber(lang, count(c))}</span>
          </li>
        ))}
      </ul>
      {hot.length === 0 ? (
        <p className="muted">{t('gistar.none')}</p>
      ) : (
        <>
          <p className="legend-title">{t('gistar.ranked')}</p>
          <ol className="ranked" data-testid="gistar-list">
            {hot.slice(0, LIST_LENGTH).map((i) => (
              <li key={gi.cells[i]}>
                <button
                  onClick={() => {
                    const [lat, lng] = cellToLatLng(gi.cells[i]);
                    useMapCamera.getState().flyTo({ center: [lng, lat], zoom: 15 });
                  }}
                >
                  <span className="swatch" style={{ background: css(GI_CLASS_COLORS[gi.classes[i]]) }} />
                  {t('stats.incidents')} {formatNumber(lang, gi.counts[i])} · {t('gistar.z')} {formatNumber(lang, gi.z[i], 2)}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
