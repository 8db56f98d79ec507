// IO: config.json, the optional file beside the app's index.html in which an intranet's IT staff
// name the basemap (see README「在内网部署」). Absent (404) means the dataset's own basemap. A
// config that cannot be used is reported with what is wrong and the app carries on without it.
import type { BasemapFormat, BasemapSource } from '../model/basemap-source';

export interface AppConfig {
  basemap: BasemapSource | null;
  /** Origins (scheme://host[:port]) besides the app's own that a basemap may come from. */
  basemapOrigins: string[];
}

export interface ConfigResult {
  config: AppConfig;
  /** What could not be used, in English (shown as it is: it is for the IT clerk). */
  problems: string[];
}

const EMPTY: AppConfig = { basemap: null, basemapOrigins: [] };

/** The format a basemap URL names by its extension; anything else is a style JSON. */
export function basemapFormatOf(path: string): BasemapFormat {
  const p = path.split(/[?#]/)[0].toLowerCase();
  return p.endsWith('.pmtiles') ? 'pmtiles' : p.endsWith('.mbtiles') ? 'mbtiles' : 'style';
}

/**
 * Reads config.json's text. `configUrl` is where it was fetched from: relative basemap URLs are
 * resolved against it, and its origin is the app's own. Fields:
 * `basemap` — a URL string, or `{ "url", "format"?: "pmtiles"|"mbtiles"|"style", "name"? }`;
 * `basemapOrigins` — extra origins allowed (the page's CSP must allow them too).
 */
export function parseAppConfig(text: string, configUrl: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { config: EMPTY, problems: [`config.json is not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { config: EMPTY, problems: ['config.json must hold a JSON object'] };
  const obj = raw as Record<string, unknown>;
  const problems: string[] = [];
  const own = new URL(configUrl).origin;
  const origins: string[] = [];
  const listed = obj.basemapOrigins ?? [];
  for (const o of Array.isArray(listed) ? listed : [listed]) {
    const origin = typeof o === 'string' ? originOf(o) : null;
    if (origin) origins.push(origin);
    else problems.push(`basemapOrigins: ${JSON.stringify(o)} is not an http(s) origin: a scheme http or https, a host and an optional port, nothing after them`);
  }
  const b = obj.basemap;
  if (b === undefined || b === null || b === '') return { config: { basemap: null, basemapOrigins: origins }, problems };
  const spec = typeof b === 'string' ? { url: b } : (b as Record<string, unknown>);
  if (typeof spec !== 'object' || typeof spec.url !== 'string' || spec.url === '') {
    problems.push('basemap must be a URL, or an object with a "url"');
    return { config: { basemap: null, basemapOrigins: origins }, problems };
  }
  let url: URL;
  try {
    url = new URL(spec.url, configUrl);
  } catch {
    problems.push(`basemap.url ${JSON.stringify(spec.url)} is not a URL`);
    return { config: { basemap: null, basemapOrigins: origins }, problems };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`basemap.url must be http(s), not ${url.protocol}`);
    return { config: { basemap: null, basemapOrigins: origins }, problems };
  }
  if (url.origin !== own && !origins.includes(url.origin)) {
    problems.push(`basemap.url is on ${url.origin}, which basemapOrigins does not name (the app loads only from its own origin and the origins listed there)`);
    return { config: { basemap: null, basemapOrigins: origins }, problems };
  }
  const format = spec.format === 'pmtiles' || spec.format === 'mbtiles' || spec.format === 'style' ? spec.format : basemapFormatOf(url.pathname);
  if (spec.format !== undefined && spec.format !== format) problems.push(`basemap.format ${JSON.stringify(spec.format)} is not pmtiles, mbtiles or style; taken as ${format}`);
  const name = typeof spec.name === 'string' && spec.name ? spec.name : decodeURIComponent(url.pathname.split('/').pop() || url.host);
  return { config: { basemap: { from: 'config', format, url: url.href, name }, basemapOrigins: origins }, problems };
}

function originOf(text: string): string | null {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Fetches and reads config.json at `configUrl`; a 404 is "no config", not a problem. */
export async function loadAppConfig(configUrl: string): Promise<ConfigResult> {
  let res: Response;
  try {
    res = await fetch(configUrl, { cache: 'no-cache' });
  } catch (e) {
    return { config: EMPTY, problems: [`config.json could not be read (${e instanceof Error ? e.message : String(e)})`] };
  }
  if (res.status === 404) return { config: EMPTY, problems: [] };
  if (!res.ok) return { config: EMPTY, problems: [`config.json: HTTP ${res.status}`] };
  const text = await res.text();
  // A server that answers every path with index.html: treat as absent, but say so.
  if (/^\s*</.test(text)) return { config: EMPTY, problems: ['config.json: the server answered a web page (no config.json there?)'] };
  return parseAppConfig(text, res.url || configUrl);
}
