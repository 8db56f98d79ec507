// IO: reads an MBTiles file (https://github.com/mapbox/mbtiles-spec, an SQLite database of
// tiles) held in memory, with sql.js (SQLite compiled to WebAssembly, maintained, no native
// code). In the browser its .wasm is served by the app itself (the caller passes its URL) and the
// Content-Security-Policy allows 'wasm-unsafe-eval' — WebAssembly compilation only, not eval of
// script. sql.js is loaded only when an .mbtiles basemap is used. The whole file is held in
// memory: fine for a county (tens of MB); a larger basemap should be a .pmtiles (range requests).
import type { Database, SqlJsStatic } from 'sql.js';

export interface MbtilesArchive {
  /** The metadata table as name → value (format, minzoom, maxzoom, bounds, json …). */
  metadata: Record<string, string>;
  /** The stored bytes of tile z/x/y (XYZ numbering, y down), gzip as stored, or null. */
  tile(z: number, x: number, y: number): Uint8Array | null;
  close(): void;
}

let sqlJs: Promise<SqlJsStatic> | null = null;

/** sql.js, loaded once; `wasmUrl` is where the browser finds its .wasm (Node finds it itself). */
export function loadSqlJs(wasmUrl?: string): Promise<SqlJsStatic> {
  sqlJs ??= import('sql.js').then((m) => m.default(wasmUrl ? { locateFile: () => wasmUrl } : undefined));
  return sqlJs;
}

/** Opens MBTiles bytes; rejects with a readable message when they are not an MBTiles database. */
export async function openMbtiles(bytes: Uint8Array, wasmUrl?: string): Promise<MbtilesArchive> {
  const SQL = await loadSqlJs(wasmUrl);
  let db: Database;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT 1 FROM tiles LIMIT 1');
  } catch (e) {
    throw new Error(`not an MBTiles file (${e instanceof Error ? e.message : String(e)})`);
  }
  const metadata: Record<string, string> = {};
  try {
    for (const row of db.exec('SELECT name, value FROM metadata')[0]?.values ?? []) metadata[String(row[0])] = String(row[1]);
  } catch {
    // The metadata table is required by the spec, but a file without it can still give tiles.
  }
  const stmt = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  return {
    metadata,
    tile(z, x, y) {
      // MBTiles numbers rows from the south (TMS); map tiles from the north.
      stmt.bind([z, x, 2 ** z - 1 - y]);
      const data = stmt.step() ? (stmt.get()[0] as Uint8Array | null) : null;
      stmt.reset();
      return data instanceof Uint8Array ? data : null;
    },
    close() {
      stmt.free();
      db.close();
    },
  };
}
