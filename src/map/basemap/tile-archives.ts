// Map: opens a basemap tile archive or style for MapLibre. PMTiles are read with the `pmtiles`
// package's MapLibre protocol (range requests to this origin, or slices of a local file);
// MBTiles through a `mbtiles://` protocol over src/io/mbtiles (sql.js). Both report what the
// archive holds — vector (Mapbox Vector Tiles) or raster tiles — and its zoom range and bounds.
import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol, TileType, type Source } from 'pmtiles';
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { openMbtiles, type MbtilesArchive } from '../../io/mbtiles';
import type { BasemapSource } from '../../model/basemap-source';

/** A tile archive opened for MapLibre: the tile URL template and what it holds. */
export interface OpenedArchive {
  kind: 'vector' | 'raster';
  tiles: string;
  minzoom: number;
  maxzoom: number;
  bounds?: [number, number, number, number];
  /** Vector layer ids the archive's metadata names (empty when it names none). */
  layerIds: string[];
}

let pmtilesProtocol: Protocol | null = null;
const mbtiles = new Map<string, MbtilesArchive>();
let serial = 0;

function registerProtocols(): Protocol {
  if (pmtilesProtocol) return pmtilesProtocol;
  pmtilesProtocol = new Protocol({ metadata: false, errorOnMissingTile: false });
  addProtocol('pmtiles', pmtilesProtocol.tile);
  addProtocol('mbtiles', async (params) => {
    const m = /^mbtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    const archive = m ? mbtiles.get(m[1]) : undefined;
    if (!m || !archive) throw new Error(`no MBTiles archive open for ${params.url}`);
    const bytes = archive.tile(Number(m[2]), Number(m[3]), Number(m[4]));
    // Vector tiles in MBTiles are gzip-compressed by convention (an HTTP server would say so).
    return { data: bytes ? await gunzipIfNeeded(bytes) : new ArrayBuffer(0) };
  });
  return pmtilesProtocol;
}

async function gunzipIfNeeded(bytes: Uint8Array): Promise<ArrayBuffer> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.slice().buffer;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** A PMTiles source over a Blob (a picked file, or one restored from IndexedDB). */
class BlobSource implements Source {
  constructor(
    private readonly blob: Blob,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number) {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}

function layerIdsOf(json: unknown): string[] {
  const layers = (json as { vector_layers?: { id?: unknown }[] } | null)?.vector_layers;
  return Array.isArray(layers) ? layers.map((l) => String(l?.id)) : [];
}

async function openPmtiles(source: Exclude<BasemapSource, { format: 'style' }>): Promise<OpenedArchive> {
  const protocol = registerProtocols();
  const key = source.from === 'file' ? `local-${++serial}/${source.name}` : source.url;
  const archive = new PMTiles(source.from === 'file' ? new BlobSource(source.file, key) : source.url);
  let header;
  try {
    header = await archive.getHeader();
  } catch (e) {
    throw new Error(`not a readable PMTiles archive (${e instanceof Error ? e.message : String(e)})`);
  }
  protocol.add(archive);
  const kind = header.tileType === TileType.Mvt ? 'vector' : header.tileType === TileType.Png || header.tileType === TileType.Jpeg || header.tileType === TileType.Webp ? 'raster' : null;
  if (!kind) throw new Error(`PMTiles tile type ${header.tileType} is not vector (MVT) or PNG/JPEG/WebP`);
  const layerIds = kind === 'vector' ? layerIdsOf(await archive.getMetadata().catch(() => null)) : [];
  return { kind, tiles: `pmtiles://${key}/{z}/{x}/{y}`, minzoom: header.minZoom, maxzoom: header.maxZoom, bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat], layerIds };
}

async function openMbtilesArchive(source: Exclude<BasemapSource, { format: 'style' }>): Promise<OpenedArchive> {
  registerProtocols();
  let bytes: Uint8Array;
  if (source.from === 'file') bytes = new Uint8Array(await source.file.arrayBuffer());
  else {
    const res = await fetch(source.url);
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${source.url}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  }
  const archive = await openMbtiles(bytes, sqlWasmUrl);
  const key = `mb-${++serial}`;
  mbtiles.set(key, archive);
  const meta = archive.metadata;
  const format = (meta.format ?? 'pbf').toLowerCase();
  const kind = format === 'pbf' || format === 'mvt' ? 'vector' : format === 'png' || format === 'jpg' || format === 'jpeg' || format === 'webp' ? 'raster' : null;
  if (!kind) throw new Error(`MBTiles format "${meta.format}" is not pbf, png, jpg or webp`);
  const bounds = meta.bounds?.split(',').map(Number);
  let layerIds: string[] = [];
  try {
    layerIds = layerIdsOf(JSON.parse(meta.json ?? 'null'));
  } catch {
    // a metadata "json" that is not JSON: the layers are simply not named
  }
  return {
    kind,
    tiles: `mbtiles://${key}/{z}/{x}/{y}`,
    minzoom: Number(meta.minzoom ?? 0) || 0,
    maxzoom: Number(meta.maxzoom ?? 14) || 14,
    ...(bounds?.length === 4 && bounds.every(Number.isFinite) ? { bounds: bounds as [number, number, number, number] } : {}),
    layerIds,
  };
}

/** Opens a tile archive; rejects with a readable reason. */
export function openArchive(source: Exclude<BasemapSource, { format: 'style' }>): Promise<OpenedArchive> {
  return source.format === 'pmtiles' ? openPmtiles(source) : openMbtilesArchive(source);
}
