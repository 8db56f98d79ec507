// IO (pure): the mapping step — which column holds which field, per kind of data. Detected from
// English and Chinese headers (incident fields by detect-columns.ts), then adjustable by the
// user in the dialog or by CLI flags.
import { guessIncidentColumn, normalizeHeader, type IncidentField } from '../detect-columns';

export const IMPORT_KINDS = ['incidents', 'cameras', 'grids', 'hotspots', 'buildings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type MappingField = IncidentField | 'id' | 'name' | 'kind' | 'status' | 'heading' | 'fov' | 'range' | 'height';

/** A column index per field; a field left out is not in the file (or not wanted). */
export type ColumnMapping = Partial<Record<MappingField, number>>;

/** The fields each kind reads, required ones first; areas take their shape from the geometry. */
export const KIND_FIELDS: Record<ImportKind, { required: readonly MappingField[]; optional: readonly MappingField[] }> = {
  incidents: { required: ['lat', 'lon', 'time', 'category'], optional: [] },
  cameras: { required: ['lat', 'lon'], optional: ['id', 'name', 'kind', 'status', 'heading', 'fov', 'range'] },
  grids: { required: [], optional: ['id', 'name'] },
  hotspots: { required: [], optional: ['id', 'name'] },
  buildings: { required: [], optional: ['id', 'height'] },
};

/** Header names of the non-incident fields, compared after normalizeHeader, most specific first. */
const NAMES: Record<Exclude<MappingField, IncidentField>, readonly string[]> = {
  id: ['id', 'code', '编号', '编码', '设备编号', '设备编码', '网格编码', '网格编号', '点位编号', 'fid', 'objectid'],
  name: ['name', '名称', '设备名称', '点位名称', '网格名称', '地区名称', '重点地区', 'mc'],
  kind: ['kind', 'camera_type', '设备类型', '监控类型', '类型', 'type'],
  status: ['status', '状态', '在线状态', '设备状态'],
  heading: ['heading', 'azimuth', 'bearing', '方向', '朝向', '方位角'],
  fov: ['fov', '视场角', '视角'],
  range: ['range', '视距', '监控距离', '距离'],
  height: ['height', 'h', '高度', '建筑高度', '楼高'],
};

const INCIDENT_FIELDS = new Set<MappingField>(['lat', 'lon', 'time', 'category']);

/** Detects the mapping of `header` for `kind`; fields it cannot find are left out. */
export function detectMapping(header: readonly string[], kind: ImportKind): ColumnMapping {
  const norm = header.map(normalizeHeader);
  const taken = new Set<number>();
  const out: ColumnMapping = {};
  const { required, optional } = KIND_FIELDS[kind];
  for (const f of [...required, ...optional]) {
    // A camera file's 类型 is the device kind, not an incident category.
    const k = INCIDENT_FIELDS.has(f) ? guessIncidentColumn(norm, f as IncidentField, taken) : exact(norm, NAMES[f as keyof typeof NAMES], taken);
    if (k !== undefined) {
      out[f] = k;
      taken.add(k);
    }
  }
  return out;
}

/** Required fields `mapping` lacks for `kind` (empty when it can be imported). */
export function missingFields(mapping: ColumnMapping, kind: ImportKind): MappingField[] {
  return KIND_FIELDS[kind].required.filter((f) => mapping[f] === undefined);
}

/**
 * Applies column names the user gave (exactly, or after normalizeHeader) over a detected
 * mapping. Throws a RangeError naming a name that is not in the header.
 */
export function withNamedColumns(header: readonly string[], mapping: ColumnMapping, names: Partial<Record<MappingField, string>>): ColumnMapping {
  const out = { ...mapping };
  const norm = header.map(normalizeHeader);
  for (const [f, name] of Object.entries(names) as [MappingField, string | undefined][]) {
    if (name === undefined) continue;
    let k = header.indexOf(name);
    if (k < 0) k = norm.indexOf(normalizeHeader(name));
    if (k < 0) throw new RangeError(`column "${name}" is not in the header: ${header.map((h) => JSON.stringify(h)).join(', ')}`);
    for (const g of Object.keys(out) as MappingField[]) if (out[g] === k && g !== f) delete out[g];
    out[f] = k;
  }
  return out;
}

function exact(norm: readonly string[], names: readonly string[], taken: ReadonlySet<number>): number | undefined {
  for (const n of names) {
    const k = norm.findIndex((h, i) => h === n && !taken.has(i));
    if (k >= 0) return k;
  }
  return undefined;
}
