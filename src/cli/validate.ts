// CLI: `validate FILE --kind incidents|cameras|grids … --report report.json [--out clean.csv]` —
// the importer run without the map: the report accounts for every row (accepted + rejected =
// total, each rejection with its first line and reason), the clean file holds the accepted rows
// in WGS-84 with ISO 8601 times.
import { readFileSync } from 'node:fs';
import { isoWithOffset } from '../io/export/iso-time';
import { rejectionText } from '../io/import/reasons';
import { ImportFileError, importFile, type ImportResult } from '../io/import/run-import';
import { csvText } from './csv-write';
import { CliFileError, writeText, type CliIo } from './load-incidents';
import { parseValidateArgs } from './validate-args';

export async function runValidate(argv: readonly string[], io: CliIo): Promise<void> {
  const opts = parseValidateArgs(argv);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(opts.file);
  } catch (e) {
    throw new CliFileError(`cannot read ${opts.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let r: ImportResult;
  try {
    r = await importFile(opts.file, bytes, {
      kind: opts.kind,
      crs: opts.crs,
      encoding: opts.encoding,
      timeZone: opts.tz,
      columnNames: opts.columns,
      keepOtherColumns: opts.out !== undefined,
    });
  } catch (e) {
    if (e instanceof ImportFileError) throw new CliFileError(`${opts.file}: ${e.message}`);
    throw e;
  }
  const report = {
    total: r.total,
    accepted: r.accepted,
    rejected: r.rejected.map((x) => ({ line: x.line, reason: rejectionText(x, 'en'), reason_zh: rejectionText(x, 'zh-CN'), codes: x.codes, detail: x.detail })),
  };
  writeText(opts.report, `${JSON.stringify(report, null, 2)}\n`);
  if (opts.out !== undefined) writeText(opts.out, cleanCsv(r, opts.tz));
  io.stderr(`read ${r.total} rows: ${r.accepted} accepted, ${r.rejected.length} rejected (report: ${opts.report})\n`);
}

/** The accepted rows: lat,lon,time,category then the file's other columns (incidents); lat,lon,… (cameras); id,name,geometry,… (areas). */
function cleanCsv(r: ImportResult, tz: string): string {
  if (r.kind === 'incidents') {
    const c = r.columns;
    const rows = Array.from(c.lat, (_, i) => [c.lat[i], c.lng[i], isoWithOffset(c.timeSec[i], tz), r.categories[c.category[i]], ...r.otherValues[i]]);
    return csvText(['lat', 'lon', 'time', 'category', ...r.otherHeader], rows);
  }
  if (r.kind === 'cameras') {
    const rows = r.cameras.features.map((f) => {
      const p = f.properties;
      return [f.geometry.coordinates[1], f.geometry.coordinates[0], p.id, p.name, p.kind, p.status, p.heading, p.fov, p.range];
    });
    return csvText(['lat', 'lon', 'id', 'name', 'kind', 'status', 'heading', 'fov', 'range'], rows);
  }
  const keys = [...new Set(r.areas.flatMap((a) => Object.keys(a.properties)))];
  return csvText(['id', 'name', 'geometry', ...keys], r.areas.map((a) => [a.id, a.name, JSON.stringify(a.geometry), ...keys.map((k) => a.properties[k] ?? '')]));
}
