// State: which dataset bundle to load. Only folders on the page's own server are accepted, so a
// crafted link cannot make the app fetch from another host.

const DEFAULT_DATASET = 'data/demo/';

/** The bundle folder URL for a page's query string; falls back to the embedded demo. */
export function datasetBaseUrl(search: string, base: string): string {
  const requested = new URLSearchParams(search).get('data');
  if (requested && /^[\w\-./]+\/$/.test(requested) && !requested.includes('..') && !requested.startsWith('/')) {
    return `${base}${requested}`;
  }
  return `${base}${DEFAULT_DATASET}`;
}
