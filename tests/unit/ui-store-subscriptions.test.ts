// React views subscribe to the fields they use: a component that reads a whole store re-renders
// on every change of it (kepler.gl's lesson), so every store hook in src/ui takes a selector.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const UI = join(__dirname, '../../src/ui');

describe('store subscriptions in src/ui', () => {
  const files = (readdirSync(UI, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx'));
  it.each(files)('%s selects fields rather than whole stores', (file) => {
    const code = readFileSync(join(UI, file), 'utf8');
    expect(code.match(/\buse(?:Layers|Filters|IncidentResults|Selection|Dataset|Lang|MapCamera|AreaDrawing)\(\)/g) ?? []).toEqual([]);
  });
});
