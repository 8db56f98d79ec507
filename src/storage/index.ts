// Storage: the app's one UserStore — IndexedDB when this browser allows it, memory otherwise.
import { IndexedDbStore } from './indexeddb-store';
import { MemoryStore } from './memory-store';
import type { UserStore } from './user-store';

let shared: Promise<UserStore> | null = null;

/** The store every feature saves its work through, opened on first use. */
export function userStore(): Promise<UserStore> {
  shared ??= IndexedDbStore.open().catch((e: unknown) => {
    console.warn('IndexedDB unavailable, saved work lasts only for this page:', e);
    return new MemoryStore();
  });
  return shared;
}
