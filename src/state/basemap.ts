// State: which basemap the map draws. config.json beside the app may name one (read once at
// start); the user may pick a local .pmtiles/.mbtiles file, which then wins and is kept through
// userStore() (collection 'basemaps', the file itself as a Blob) so that it survives a reload,
// until the user returns to the configured one. Problems (a config that cannot be used, a file
// that will not open) are listed for the notice on the map.
import { create } from 'zustand';
import type { BasemapSource } from '../model/basemap-source';
import { basemapFormatOf, loadAppConfig } from '../io/app-config';
import { userStore } from '../storage';

const COLLECTION = 'basemaps' as const;
const LOCAL_ID = 'local';

interface StoredBasemapFile {
  name: string;
  format: 'pmtiles' | 'mbtiles';
  file: Blob;
}

export interface BasemapState {
  /** config.json and the saved file have been read: the map can decide what to draw. */
  ready: boolean;
  /** The basemap config.json names, if any. */
  configured: BasemapSource | null;
  /** The origins a basemap may load from: this page's and config.json's basemapOrigins. */
  origins: string[];
  /** The local file the user picked, if any (it wins over the configured one). */
  file: BasemapSource | null;
  /** Readable problems, newest last. */
  problems: string[];
}

export const useBasemap = create<BasemapState>(() => ({ ready: false, configured: null, origins: [location.origin], file: null, problems: [] }));

/** The basemap to draw: the user's file, else the configured one, else null (the dataset's own). */
export function activeBasemap(s: BasemapState): BasemapSource | null {
  return s.file ?? s.configured;
}

/** Reads config.json (beside index.html) and the saved local file; call once at start. */
export async function startBasemap(baseUrl: string): Promise<void> {
  const configUrl = new URL(`${baseUrl}config.json`, location.href).href;
  const [{ config, problems }, saved] = await Promise.all([
    loadAppConfig(configUrl),
    userStore()
      .then((s) => s.get<StoredBasemapFile>(COLLECTION, LOCAL_ID))
      .catch(() => undefined),
  ]);
  const file: BasemapSource | null = saved?.value.file instanceof Blob ? { from: 'file', format: saved.value.format, file: saved.value.file, name: saved.value.name } : null;
  useBasemap.setState((s) => ({
    ready: true,
    configured: config.basemap,
    origins: [location.origin, ...config.basemapOrigins],
    file,
    problems: [...s.problems, ...problems.map((p) => `config.json: ${p}`)],
  }));
}

/** Uses a picked .pmtiles/.mbtiles file as the basemap and saves it; false when the name says neither. */
export async function chooseBasemapFile(file: File): Promise<boolean> {
  const format = basemapFormatOf(file.name);
  if (format === 'style') {
    reportBasemapProblem(`${file.name}: not a .pmtiles or .mbtiles file`);
    return false;
  }
  useBasemap.setState({ file: { from: 'file', format, file, name: file.name } });
  try {
    await (await userStore()).put<StoredBasemapFile>(COLLECTION, LOCAL_ID, { name: file.name, format, file });
  } catch (e) {
    // Still used for this page; it just will not come back after a reload.
    reportBasemapProblem(`${file.name}: not saved in this browser (${e instanceof Error ? e.message : String(e)})`);
  }
  return true;
}

/** Drops the local file: back to the configured basemap (or the dataset's own). */
export async function clearBasemapFile(): Promise<void> {
  useBasemap.setState({ file: null });
  await (await userStore()).delete(COLLECTION, LOCAL_ID).catch(() => false);
}

/** A basemap that could not be used: said on the map, the map keeps what it drew. */
export function reportBasemapProblem(message: string): void {
  useBasemap.setState((s) => ({ problems: [...s.problems, message] }));
}

export function dismissBasemapProblems(): void {
  useBasemap.setState({ problems: [] });
}
