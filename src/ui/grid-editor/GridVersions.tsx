// UI: named versions of the layout — save (a layout with topology problems only as an explicit
// draft), list, and compare one with the current layout, or any two, on the map.
import { useEffect, useState } from 'react';
import { fill, useT } from '../../i18n';
import { useGridEditorResults } from '../../state/grid-editor-results';
import { compareVersions, loadGridVersions, saveGridVersion, useGridCompare, type VersionRef } from '../../state/grid-versions';

export function GridVersions() {
  const t = useT();
  const { versions, compare } = useGridCompare();
  const issues = useGridEditorResults((s) => s.issues.length);
  const [name, setName] = useState('');
  const [blocked, setBlocked] = useState(false);
  const [pair, setPair] = useState<[VersionRef, VersionRef]>(['dataset', 'current']);
  useEffect(() => {
    void loadGridVersions();
  }, []);
  const save = (draft: boolean) => {
    if (issues > 0 && !draft) return setBlocked(true);
    setBlocked(false);
    void saveGridVersion(name.trim() || new Date().toLocaleString(), draft, issues);
    setName('');
  };
  const options = [
    <option key="dataset" value="dataset">
      {t('ge.versions.dataset')}
    </option>,
    ...versions.map((v) => (
      <option key={v.id} value={v.id}>
        {v.name}
        {v.draft ? ` (${t('ge.versions.draft')})` : ''}
      </option>
    )),
    <option key="current" value="current">
      {t('ge.versions.current')}
    </option>,
  ];
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
          <li key={v.id} data-testid="grid-version" data-id={v.id} data-name={v.name}>
            {v.name}
            {v.draft && ` (${t('ge.versions.draft')})`} · {new Date(v.savedAt).toLocaleString()}{' '}
            <button onClick={() => compareVersions(v.id)}>{t('ge.versions.compare')}</button>
          </li>
        ))}
      </ul>
      <div className="ge-tools">
        {t('ge.versions.from')}{' '}
        <select data-testid="grid-compare-a" value={pair[0]} onChange={(e) => setPair([e.target.value, pair[1]])}>
          {options}
        </select>{' '}
        {t('ge.versions.to')}{' '}
        <select data-testid="grid-compare-b" value={pair[1]} onChange={(e) => setPair([pair[0], e.target.value])}>
          {options}
        </select>
        <button data-testid="grid-compare-run" disabled={pair[0] === pair[1]} onClick={() => compareVersions(pair[0], pair[1])}>
          {t('ge.versions.compareTwo')}
        </button>
      </div>
      {compare && (
        <p className="hint" data-testid="grid-compare" data-added={compare.diff.added.length} data-removed={compare.diff.removed.length} data-changed={compare.diff.changed.length}>
          {fill(t('ge.versions.diff'), { added: compare.diff.added.length, removed: compare.diff.removed.length, changed: compare.diff.changed.length })}{' '}
          <button onClick={() => compareVersions(null)}>{t('ge.versions.stopCompare')}</button>
        </p>
      )}
    </div>
  );
}
