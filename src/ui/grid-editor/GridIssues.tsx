// UI: the topology list — each problem named with its grids and area; a click flies the map to
// it and highlights it.
import type { MapData } from '../../model';
import { fill, formatNumber, useLang, useT } from '../../i18n';
import { useGridEditorResults } from '../../state/grid-editor-results';
import { useMapCamera } from '../../state/map-camera';
import { useGridEditor } from '../../state/grid-editor';

export function GridIssues({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { issues, checking, highlight } = useGridEditorResults();
  const grids = useGridEditor((s) => s.history?.grids);
  const nameOf = (id: string) => grids?.find((g) => g.properties.id === id)?.properties.name || id;
  const parentName = (id: string | null) => (id ? (data.admin.features.find((a) => a.properties.id === id)?.properties[lang === 'en' ? 'nameEn' : 'name'] ?? id) : '');
  return (
    <div className="ge-issues">
      <h3>{t('ge.issues')}</h3>
      <p className="def">{t('ge.issues.def')}</p>
      {checking && <p className="hint">{t('ge.issues.checking')}</p>}
      <ul data-testid="grid-issues" data-count={issues.length} data-checking={checking}>
        {issues.map((i, k) => (
          <li key={k} className={i === highlight ? 'on' : ''} data-kind={i.kind}>
            <button
              onClick={() => {
                useGridEditorResults.getState().setHighlight(i);
                useMapCamera.getState().flyTo({ bounds: i.bbox });
              }}
            >
              {fill(t(`ge.issue.${i.kind}`), { grids: i.gridIds.map(nameOf).join(' × '), area: formatNumber(lang, i.areaM2), parent: parentName(i.parentId) })}
            </button>
          </li>
        ))}
      </ul>
      {!checking && issues.length === 0 && <p className="hint">{t('ge.issues.none')}</p>}
    </div>
  );
}
