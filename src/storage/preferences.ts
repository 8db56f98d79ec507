// Storage: small view preferences read before the first paint — language, layers, the filter
// of each dataset. They must be there synchronously (a wall screen has to come back exactly as
// it was left, without a flash of the default view), which IndexedDB cannot give, so they live
// in localStorage. Each is one small JSON value; larger user work goes to the UserStore.

const PREFIX = 'one-map.';

/** The saved value of preference `key`, or undefined when absent, unreadable or blocked. */
export function readPreference<T>(key: string): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    return raw == null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/**
 * Saves preference `key` at once (localStorage writes are synchronous, so a crash right after
 * loses nothing). Returns false when storage is full or blocked: the choice then still works
 * for this page, it is just not remembered.
 */
export function writePreference(key: string, value: unknown): boolean {
  try {
    if (!globalThis.localStorage) return false;
    globalThis.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Forgets preference `key` (a value moved elsewhere); quietly does nothing when storage is blocked. */
export function removePreference(key: string): void {
  try {
    globalThis.localStorage?.removeItem(PREFIX + key);
  } catch {
    // blocked storage: nothing to remove
  }
}
