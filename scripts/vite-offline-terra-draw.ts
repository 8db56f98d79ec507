// Vite plugin: terra-draw's default marker image lives on raw.githubusercontent.com. The app
// never draws a marker (src/map/grid-edit-modes.ts), but an intranet build must not even name
// an outside host it could fetch: the default is replaced, in terra-draw's own module, by the same
// local image the editor configures. Fails the build if terra-draw stops matching, rather than
// letting the outside address through unnoticed.
import type { Plugin } from 'vite';
import { LOCAL_MARKER_URL } from '../src/map/grid-edit-modes.ts';

const OUTSIDE = /https:\/\/raw\.githubusercontent\.com\/JamesLMilner\/terra-draw\/[^"'`]*\.png/g;

/** terra-draw's module code with the outside marker address replaced; throws when none is found. */
export function offlineTerraDraw(code: string): string {
  const out = code.replace(OUTSIDE, LOCAL_MARKER_URL);
  if (out === code) throw new Error('vite-offline-terra-draw: terra-draw no longer holds its marker default where expected; check it for outside addresses');
  return out;
}

export function offlineTerraDrawPlugin(): Plugin {
  return {
    name: 'one-map-offline-terra-draw',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]terra-draw[\\/]dist[\\/]/.test(id) || !code.includes('raw.githubusercontent.com')) return null;
      return { code: offlineTerraDraw(code), map: null };
    },
  };
}
