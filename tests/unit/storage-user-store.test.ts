// The UserStore contract, run against every implementation: what is put is there after the
// store is opened again (a reload), listed oldest write first, and never aliased to the caller.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDbStore } from '../../src/storage/indexeddb-store';
import { MemoryStore } from '../../src/storage/memory-store';
import type { UserStore } from '../../src/storage/user-store';
import { readPreference, writePreference } from '../../src/storage/preferences';

const implementations: Array<[string, () => Promise<UserStore>]> = [
  ['memory', async () => new MemoryStore()],
  ['indexeddb', () => IndexedDbStore.open(`contract-${Math.random()}`)],
];

describe.each(implementations)('UserStore (%s)', (_name, open) => {
  it('puts, gets, lists oldest write first and deletes by collection and id', async () => {
    const store = await open();
    const a = await store.put('grid-layouts', 'a', { name: '鼓楼社区', grids: [1, 2] });
    const b = await store.put('grid-layouts', 'b', { name: 'second' });
    await store.put('register', 'a', { state: 'listed' });
    expect(b.updatedAt).toBeGreaterThan(a.updatedAt);
    expect((await store.get('grid-layouts', 'a'))?.value).toEqual({ name: '鼓楼社区', grids: [1, 2] });
    expect((await store.get('register', 'a'))?.value).toEqual({ state: 'listed' });
    expect(await store.get('grid-layouts', 'missing')).toBeUndefined();
    await store.put('grid-layouts', 'a', { name: 'renamed' });
    expect((await store.list<{ name: string }>('grid-layouts')).map((d) => [d.id, d.value.name])).toEqual([
      ['b', 'second'],
      ['a', 'renamed'],
    ]);
    expect(await store.delete('grid-layouts', 'b')).toBe(true);
    expect(await store.delete('grid-layouts', 'b')).toBe(false);
    expect((await store.list('grid-layouts')).map((d) => d.id)).toEqual(['a']);
    expect((await store.list('register')).map((d) => d.id)).toEqual(['a']);
  });

  it('does not alias what the caller passed or received', async () => {
    const store = await open();
    const value = { vertices: [[120, 30]] };
    await store.put('camera-plans', 'p', value);
    value.vertices.push([121, 31]);
    const got = await store.get<typeof value>('camera-plans', 'p');
    expect(got?.value.vertices).toEqual([[120, 30]]);
    got!.value.vertices.length = 0;
    expect((await store.get<typeof value>('camera-plans', 'p'))?.value.vertices).toEqual([[120, 30]]);
  });
});

describe('IndexedDbStore', () => {
  it('keeps every saved document when the database is opened again, as after a reload', async () => {
    const first = await IndexedDbStore.open('reload');
    await first.put('views', 'briefing', { zoom: 11 });
    first.close();
    const again = await IndexedDbStore.open('reload');
    expect((await again.get('views', 'briefing'))?.value).toEqual({ zoom: 11 });
    expect(again.location).toBe('indexeddb');
  });

  it('rejects with a clear message where there is no IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    Reflect.deleteProperty(globalThis, 'indexedDB');
    try {
      await expect(IndexedDbStore.open('x')).rejects.toThrow(/IndexedDB is not available/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('preferences', () => {
  it('are absent, not an error, where there is no localStorage', () => {
    expect(readPreference('nothing')).toBeUndefined();
    expect(writePreference('nothing', 1)).toBe(false);
  });
});
