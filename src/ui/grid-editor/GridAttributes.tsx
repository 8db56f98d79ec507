// UI: the selected grid's attributes — name, level, parent, kind, officer, households; the code
// is given by the parent's scheme and shown read-only. Each field is saved when it is left.
import type { MapData } from '../../model';
import { useT } from '../../i18n';
import { editAttributes, useGridEditor } from '../../state/grid-editor';
import type { LayoutGridProps } from '../../analysis/grids/grid-layout';

const KINDS = ['comprehensive', 'party', 'safety', 'harmony'] as const;

export function GridAttributes({ data }: { data: MapData }) {
  const t = useT();
  const id = useGridEditor((s) => s.selectedId);
  const grid = useGridEditor((s) => s.history?.grids.find((g) => g.properties.id === s.selectedId));
  if (!id || !grid) return null;
  const p = grid.properties;
  const set = (attrs: Partial<LayoutGridProps>) => {
    const changed = (Object.keys(attrs) as (keyof LayoutGridProps)[]).some((k) => attrs[k] !== p[k]);
    if (changed) editAttributes(id, attrs);
  };
  const villages = data.admin.features.filter((a) => a.properties.level === 'village' && a.properties.parentId === p.townId);
  return (
    <div className="ge-attrs" data-testid="grid-attributes" key={`${id}|${p.name}|${p.officer}|${p.households}`}>
      <h3>{t('ge.attrs')}</h3>
      <label className="option">
        {t('ge.attrs.code')} <code data-testid="grid-code">{p.code}</code>
      </label>
      <label className="option">
        {t('ge.attrs.name')}
        <input data-testid="grid-name" defaultValue={p.name} onBlur={(e) => set({ name: e.target.value })} />
      </label>
      <label className="option">
        {t('ge.attrs.level')}
        <select value={p.level} onChange={(e) => set({ level: e.target.value as LayoutGridProps['level'] })}>
          <option value="grid">{t('ge.attrs.level.grid')}</option>
          <option value="micro">{t('ge.attrs.level.micro')}</option>
        </select>
      </label>
      <label className="option">
        {t('ge.attrs.parent')}
        <select value={p.villageId} onChange={(e) => set({ villageId: e.target.value })}>
          {!villages.some((v) => v.properties.id === p.villageId) && <option value={p.villageId}>{p.villageId}</option>}
          {villages.map((v) => (
            <option key={v.properties.id} value={v.properties.id}>
              {v.properties.name}
            </option>
          ))}
        </select>
      </label>
      <label className="option">
        {t('ge.attrs.kind')}
        <select data-testid="grid-kind" value={p.kind} onChange={(e) => set({ kind: e.target.value as LayoutGridProps['kind'] })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ge.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="option">
        {t('ge.attrs.officer')}
        <input defaultValue={p.officer} onBlur={(e) => set({ officer: e.target.value })} />
      </label>
      <label className="option">
        {t('ge.attrs.households')}
        <input type="number" min={0} defaultValue={p.households} onBlur={(e) => Number(e.target.value) !== p.households && set({ households: Math.max(0, Number(e.target.value) || 0) })} style={{ width: 70 }} />
      </label>
    </div>
  );
}
