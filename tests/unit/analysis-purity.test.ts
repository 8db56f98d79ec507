// The analysis modules run in Node, the worker and the CLI alike: they must not reach the DOM,
// React or the map libraries, and must say so in their header line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '../../src/analysis');
// Siblings, other capability folders of src/analysis, and src/model — nothing else of the app.
const ALLOWED = [/^\.\/[a-z0-9-]+$/, /^\.\.\/[a-z0-9-]+\/[a-z0-9-]+$/, /^\.\.\/\.\.\/model(\/[a-z0-9-]+)?$/, /^h3-js$/, /^@turf\//, /^flatbush$/, /^kdbush$/];
const FORBIDDEN_GLOBALS = /\b(document|window|localStorage|navigator|fetch|XMLHttpRequest|postMessage)\s*[.(]/;

describe('src/analysis is pure', () => {
  const files = (readdirSync(DIR, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => relative(DIR, join(DIR, f)));
  it('walks every capability folder, and keeps the top level to folders and an index', () => {
    const top = readdirSync(DIR, { withFileTypes: true });
    const folders = top.filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.length).toBeGreaterThanOrEqual(6);
    for (const folder of folders) expect(files.some((f) => f.startsWith(folder + '/')), folder).toBe(true);
    const loose = top.filter((d) => d.isFile() && d.name.endsWith('.ts') && d.name !== 'index.ts');
    expect(loose.map((d) => d.name)).toEqual([]);
  });
  it('knows each folder from the README', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const d of readdirSync(DIR, { withFileTypes: true })) if (d.isDirectory()) expect(readme, d.name).toContain(`\`${d.name}/\``);
  });
  it.each(files)('%s does not import from outside model and the geometry libraries', (file) => {
    const src = readFileSync(join(DIR, file), 'utf8');
    const specifiers = [...src.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    for (const s of specifiers) expect(ALLOWED.some((re) => re.test(s)), `${file} imports ${s}`).toBe(true);
    expect(src.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')).not.toMatch(FORBIDDEN_GLOBALS);
    expect(src.split('\n', 1)[0]).toMatch(/^\/\/ Analysis \(PURE\)/);
  });
});
