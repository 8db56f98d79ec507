// terra-draw stays offline: the grid editor registers no marker mode, its select mode's marker
// image is local, and the build's replacement leaves terra-draw naming no outside host at all.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridEditModes, LOCAL_MARKER_URL } from '../../src/map/grid-edit-modes';
import { offlineTerraDraw } from '../../scripts/vite-offline-terra-draw';

describe('terra-draw offline', () => {
  it('registers polygon, line and select modes only, with a local marker image', () => {
    const modes = gridEditModes(() => undefined);
    expect(modes.map((m) => m.mode)).toEqual(['polygon', 'linestring', 'select']);
    const select = modes[2] as unknown as { styles: { selectedMarkerUrl?: unknown } };
    expect(select.styles.selectedMarkerUrl).toBe(LOCAL_MARKER_URL);
    expect(LOCAL_MARKER_URL.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('the build replaces terra-draw’s outside marker address in every bundle it ships', () => {
    const dist = join(dirname(createRequire(import.meta.url).resolve('terra-draw')), '.');
    for (const file of ['terra-draw.module.js', 'terra-draw.modern.js']) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect(code).toContain('raw.githubusercontent.com');
      const out = offlineTerraDraw(code);
      expect(out.match(/https?:\/\/[a-z0-9.-]+/gi) ?? []).toEqual([]);
      expect(out).toContain(LOCAL_MARKER_URL);
    }
    expect(() => offlineTerraDraw('const a = 1;')).toThrow(/terra-draw/);
  });
});
