// UI: named versions of the layout — save (a layout with topology problems only as an explicit
// draft), list, and compare one with the current layout on the map.
import { useEffect, useState } from 'react';
import { fill, useT } from '../../i18n';
import { useGridEditorResults } from '../../state/grid-editor-results';
import { compareVersions, loadGridVersions, saveGridVersion, useGridCompare } from '../../state/grid-versions';

export function GridVersions() {
  const t = useT();
  const { versions, compare } = useGridCompare();
  const issues = useGridEditorResults((s) => s.issues.length);
  const [name, setName] = useState('');
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    void loadGridVersions();
  }, []);
  const save = (draft: boolean) => {
    if (issues > 0 && !draft) return setBlocked(true);
    setBlocked(false);
    void saveGridVersion(name.trim() || new Date().toLocaleString(), draft, issues);
    setName('');
  };
  return (
    <div className="ge-versions">
      <h3>{t('ge.versions')}</h3>
      <div className="ge-tools">
        <input data-testid="grid-version-name" placeholder={t('ge.versions.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <button data-testid="grid-version-save" onClick={() => save(false)}>
          {t('ge.versions.save')}
        </button>
        {(blocked || issues > 0) && (
          <button data-testid="grid-version-draft" onClick={() => save(true)}>
            {t('ge.versions.saveDraft')}
          </button>
        )}
      </div>
      {blocked && issues > 0 && (
        <p className="hint warn" role="alert">
          {fill(t('ge.versions.blocked'), { n: issues })}
        </p>
      )}
      <ul className="ge-version-list" data-testid="grid-versions">
        <li>
          <button onClick={() => compareVersions('dataset')}>{t('ge.versions.compareDataset')}</button>
        </li>
        {versions.map((v) => (
          <li key={v.id}>
            {v.name}
            {v.draft && ` (${t('ge.versions.draft')})`} · {new Date(v.savedAt).toLocaleString()}{' '}
            <button onClick={() => compareVersions(v.id)}>{t('ge.versions.compare')}</button>
          </li>
        ))}
      </ul>
      {compare && (
        <p className="hint" data-testid="grid-compare">
          {fill(t('ge.versions.diff'), { added: compare.diff.added.length, removed: compare.diff.removed.length, changed: compare.diff.changed.length })}{' '}
          <button onClick={() => compareVersions(null)}>{t('ge.versions.stopCompare')}</button>
        </p>
      )}
    </div>
  );
}
