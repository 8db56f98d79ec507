// Only src/storage knows where saved data lives: no other source file touches localStorage,
// sessionStorage or IndexedDB, so a shared server can later stand behind the same interface.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');
const STORAGE_APIS = /\b(localStorage|sessionStorage|indexedDB|openDB)\b/;

describe('saved data goes through src/storage', () => {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('storage/'));
  it('finds the source files', () => expect(files.length).toBeGreaterThan(50));
  it.each(files)('%s does not reach browser storage itself', (file) => {
    const code = readFileSync(join(SRC, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect(code).not.toMatch(STORAGE_APIS);
  });
});
