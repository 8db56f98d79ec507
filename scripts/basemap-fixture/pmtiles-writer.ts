// Test fixture tool: writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md)
// from tiles in memory. npm has readers (the `pmtiles` package the app uses) but no maintained
// writer, and the format is small: a 127-byte header, one root directory of varint columns, the
// metadata JSON, then the tile bytes in tile-id order. Enough for fixtures of a few hundred tiles
// (the root directory must fit the first 16 KiB; no leaf directories are written).
import { zxyToTileId } from 'pmtiles';

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes as stored (already gzip-compressed when `tileCompression` is 'gzip'). */
  data: Uint8Array;
}

export interface ArchiveInfo {
  /** 1 = MVT vector tiles, 2 = PNG, 3 = JPEG, 4 = WebP (PMTiles TileType). */
  tileType: number;
  tileCompression: 'none' | 'gzip';
  bounds: [number, number, number, number];
  center: [number, number, number];
  metadata: Record<string, unknown>;
}

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

export function writePmtiles(tiles: TileInput[], info: ArchiveInfo): Uint8Array {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((e) => {
    const p = { id: e.id, offset, length: e.data.length };
    offset += e.data.length;
    return p;
  });
  // Directory: count, tile-id deltas, run lengths, lengths, offsets (0 = right after the previous).
  const ids = placed.map((p, i) => p.id - (i ? placed[i - 1].id : 0));
  const dir = Uint8Array.from(
    varints([placed.length, ...ids, ...placed.map(() => 1), ...placed.map((p) => p.length), ...placed.map((p, i) => (i > 0 && p.offset === placed[i - 1].offset + placed[i - 1].length ? 0 : p.offset + 1))]),
  );
  if (127 + dir.length > 16_384) throw new Error('too many tiles for a root-only directory');
  const meta = new TextEncoder().encode(JSON.stringify(info.metadata));
  const dirOff = 127;
  const metaOff = dirOff + dir.length;
  const dataOff = metaOff + meta.length;
  const out = new Uint8Array(dataOff + offset);
  const v = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  const u64 = (at: number, n: number) => v.setBigUint64(at, BigInt(n), true);
  u64(8, dirOff), u64(16, dir.length), u64(24, metaOff), u64(32, meta.length), u64(40, dataOff), u64(48, 0);
  u64(56, dataOff), u64(64, offset), u64(72, placed.length), u64(80, placed.length), u64(88, placed.length);
  out[96] = 1; // clustered
  out[97] = 1; // internal compression: none
  out[98] = info.tileCompression === 'gzip' ? 2 : 1;
  out[99] = info.tileType;
  out[100] = Math.min(...tiles.map((t) => t.z));
  out[101] = Math.max(...tiles.map((t) => t.z));
  const e7 = (at: number, deg: number) => v.setInt32(at, Math.round(deg * 1e7), true);
  e7(102, info.bounds[0]), e7(106, info.bounds[1]), e7(110, info.bounds[2]), e7(114, info.bounds[3]);
  out[118] = info.center[2];
  e7(119, info.center[0]), e7(123, info.center[1]);
  out.set(dir, dirOff);
  out.set(meta, metaOff);
  let at = dataOff;
  for (const e of entries) out.set(e.data, at), (at += e.data.length);
  return out;
}
