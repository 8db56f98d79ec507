// The analysis modules run in Node, the worker and the CLI alike: they must not reach the DOM,
// React or the map libraries, and must say so in their header line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '../../src/analysis');
const ALLOWED = [/^\.\/[a-z0-9-]+$/, /^\.\.\/model(\/[a-z0-9-]+)?$/, /^h3-js$/, /^@turf\//, /^flatbush$/, /^kdbush$/];
const FORBIDDEN_GLOBALS = /\b(document|window|localStorage|navigator|fetch|XMLHttpRequest|postMessage)\s*[.(]/;

describe('src/analysis is pure', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  it.each(files)('%s does not import from outside model and the geometry libraries', (file) => {
    const src = readFileSync(join(DIR, file), 'utf8');
    const specifiers = [...src.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    for (const s of specifiers) expect(ALLOWED.some((re) => re.test(s)), `${file} imports ${s}`).toBe(true);
    expect(src.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')).not.toMatch(FORBIDDEN_GLOBALS);
    expect(src.split('\n', 1)[0]).toMatch(/^\/\/ Analysis \(PURE\)/);
  });
});
