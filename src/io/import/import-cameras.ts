// IO (pure): cameras from any TableSource. Position rules are the incident importer's
// (explainPosition); kind and status are read from Chinese or English words; a missing fov or
// range takes the kind's default (model/camera.ts CAMERA_DEFAULTS).
import { CAMERA_DEFAULTS, CAMERA_KINDS, type CameraCollection, type CameraFeature, type CameraKind, type CameraStatus } from '../../model/camera';
import type { CoordinateSystem } from '../../model/geo';
import { toWgs84 } from '../coordinates';
import { explainPosition, parseNumber } from '../csv-incident-rows';
import { missingFields, type ColumnMapping, type MappingField } from './mapping';
import type { ImportRejection, RejectCode } from './reasons';
import type { TableSource } from './table-source';

export interface CameraImport {
  cameras: CameraCollection;
  total: number;
  accepted: number;
  rejected: ImportRejection[];
}

const KIND_WORDS: Record<string, CameraKind> = {
  枪机: 'street-bullet', 球机: 'street-dome', 卡口: 'checkpoint', 电子警察: 'traffic', 电警: 'traffic',
  社会面: 'social', 社会资源: 'social', 小技防: 'village-alarm', bullet: 'street-bullet', dome: 'street-dome',
};
const STATUS_WORDS: Record<string, CameraStatus> = {
  在线: 'online', 正常: 'online', online: 'online', 离线: 'offline', offline: 'offline', 故障: 'faulty', faulty: 'faulty', fault: 'faulty',
};
const FIELDS: readonly MappingField[] = ['lat', 'lon', 'id', 'name', 'kind', 'status', 'heading', 'fov', 'range'];

export function importCameras(src: TableSource, mapping: ColumnMapping, crs: CoordinateSystem = 'WGS84'): CameraImport {
  const missing = missingFields(mapping, 'cameras');
  if (missing.length > 0) throw new RangeError(`no column chosen for ${missing.join(', ')}`);
  const present = FIELDS.filter((f) => mapping[f] !== undefined);
  const slot = new Map(present.map((f, k) => [f, k]));
  const features: CameraFeature[] = [];
  const rejected: ImportRejection[] = [];
  const xy = [0, 0];
  let total = 0;
  src.scan(
    present.map((f) => mapping[f] as number),
    {
      row(line, _n, texts, starts, ends) {
        total++;
        const get = (f: MappingField): string => {
          const k = slot.get(f);
          return k === undefined || starts[k] < 0 ? '' : texts[k].slice(starts[k], ends[k]).trim();
        };
        const rawLat = get('lat'), rawLon = get('lon');
        const y = parseNumber(rawLat, 0, rawLat.length), x = parseNumber(rawLon, 0, rawLon.length);
        const out: string[] = [];
        const codes: RejectCode[] = [];
        explainPosition(out, codes, rawLat, rawLon, y, x);
        const kind = readKind(get('kind'));
        const status = STATUS_WORDS[get('status').toLowerCase()] ?? (get('status') === '' ? 'online' : undefined);
        if (status === undefined) out.push(`unknown status ${JSON.stringify(get('status'))}`), codes.push('bad-value');
        const num = (f: 'heading' | 'fov' | 'range', dflt: number, ok: (v: number) => boolean): number => {
          const t = get(f);
          if (t === '') return dflt;
          const v = parseNumber(t, 0, t.length);
          if (!ok(v)) out.push(`${f} ${JSON.stringify(t)} is not valid`), codes.push('bad-value');
          return v;
        };
        const heading = num('heading', 0, Number.isFinite);
        const fov = num('fov', CAMERA_DEFAULTS[kind].fov, (v) => v > 0 && v <= 360);
        const range = num('range', CAMERA_DEFAULTS[kind].range, (v) => v > 0);
        if (codes.length > 0) {
          rejected.push({ line, codes, detail: out.join('; ') });
          return;
        }
        toWgs84(x, y, crs, xy);
        const id = get('id') || `import-${line}`;
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [xy[0], xy[1]] },
          properties: { id, name: get('name') || id, kind, status: status ?? 'online', heading: ((heading % 360) + 360) % 360, fov, range, townId: '', installedYear: 0 },
        });
      },
      malformed(line, reason) {
        total++;
        rejected.push({ line, codes: ['malformed-quotes'], detail: reason });
      },
    },
  );
  return { cameras: { type: 'FeatureCollection', features }, total, accepted: features.length, rejected };
}

function readKind(t: string): CameraKind {
  const s = t.trim().toLowerCase();
  if ((CAMERA_KINDS as readonly string[]).includes(s)) return s as CameraKind;
  return KIND_WORDS[s] ?? 'street-bullet';
}
