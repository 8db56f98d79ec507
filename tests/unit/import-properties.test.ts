// Property tests of the importer (fast-check): random bytes and random CSV never raise anything
// but an ImportFileError (a whole file that cannot be read, with a message), and every row is
// accounted for: accepted + rejected = total, each rejection with a line and a known reason code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../src/io/import/mapping';
import { REJECT_CODES } from '../../src/io/import/reasons';
import { ImportFileError, importFile, type ImportResult } from '../../src/io/import/run-import';

const CODES = new Set<string>(REJECT_CODES);

function accounted(r: ImportResult): void {
  const accepted = r.kind === 'incidents' ? r.columns.lng.length : r.kind === 'cameras' ? r.cameras.features.length : r.areas.length;
  expect(accepted).toBe(r.accepted);
  expect(r.accepted + r.rejected.length).toBe(r.total);
  for (const x of r.rejected) {
    expect(x.line).toBeGreaterThanOrEqual(1);
    expect(x.codes.length).toBeGreaterThan(0);
    for (const c of x.codes) expect(CODES.has(c)).toBe(true);
  }
}

async function tryImport(name: string, bytes: Uint8Array, kind: (typeof IMPORT_KINDS)[number]): Promise<void> {
  try {
    accounted(await importFile(name, bytes, { kind }));
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
  }
}

const cell = fc.oneof(
  fc.constantFrom('', ' ', '"', '""', ',', '\n', '\r\n', '32.9', '117.2', '-91', '200', '0', 'NaN', '1e400', '扒窃', '入室盗窃', '2024-05-08 14:30', '2024/5/8 14:30', '2024年5月8日 14时30分', '45420.5', '2024-02-30', '明天'),
  fc.string({ maxLength: 8 }),
);
const quoted = cell.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c));
const csvText = fc.tuple(
  fc.constantFrom('纬度,经度,发案时间,案件类别', 'lat,lon,time,category', 'lat,lon,datetime,category,extra', ''),
  fc.array(fc.array(fc.oneof(quoted, cell), { minLength: 0, maxLength: 6 }), { maxLength: 30 }),
  fc.constantFrom('\n', '\r\n', '\r'),
).map(([header, rows, nl]) => [header, ...rows.map((r) => r.join(','))].join(nl));

describe('import properties', () => {
  it('random bytes never throw anything but an ImportFileError, in any format and kind', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('a.csv', 'a.xlsx', 'a.geojson', 'a.zip', 'noext'), fc.constantFrom(...IMPORT_KINDS), async (bytes, name, kind) => {
        await tryImport(name, bytes, kind);
      }),
      { numRuns: 300 },
    );
  });

  it('random CSV (quotes, line breaks, bad values): every row accounted for, lines increasing', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.constantFrom('utf8', 'gbk'), async (text, enc) => {
        const bytes = enc === 'utf8' ? new TextEncoder().encode(text) : new Uint8Array((await import('iconv-lite')).default.encode(text, 'gbk'));
        try {
          const r = await importFile('a.csv', bytes, { kind: 'incidents' });
          accounted(r);
          const lines = r.rejected.map((x) => x.line);
          expect(lines).toEqual([...lines].sort((a, b) => a - b));
          expect(Math.max(1, ...lines)).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
        } catch (e) {
          if (!(e instanceof ImportFileError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random GeoJSON-like documents never throw anything but an ImportFileError', async () => {
    const geom = fc.oneof(fc.constant(null), fc.record({ type: fc.constantFrom('Point', 'Polygon', 'MultiPolygon', 'LineString', 'x'), coordinates: fc.jsonValue() }));
    const doc = fc.oneof(
      fc.jsonValue(),
      fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(fc.oneof(fc.jsonValue(), fc.record({ type: fc.constant('Feature'), properties: fc.oneof(fc.constant(null), fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue())), geometry: geom })), { maxLength: 8 }) }),
    );
    await fc.assert(
      fc.asyncProperty(doc, fc.constantFrom(...IMPORT_KINDS), async (d, kind) => {
        await tryImport('a.geojson', new TextEncoder().encode(JSON.stringify(d)), kind);
      }),
      { numRuns: 300 },
    );
  });
});
