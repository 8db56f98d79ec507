// Storage: the one interface for everything a user saves — grid layouts, the hotspot register,
// camera plans, saved views. Callers see collections of JSON documents by id and never learn
// where they live: IndexedDB in this browser today, a shared server on the intranet later.

/** The collections of saved user work. A new kind of saved work adds its name here. */
export type Collection = 'grid-layouts' | 'grid-versions' | 'register' | 'camera-plans' | 'camera-whatif' | 'views' | 'settings' | 'basemaps';

/** A saved document: any JSON-clonable value under a string id. */
export interface StoredDocument<T = unknown> {
  id: string;
  value: T;
  /** Epoch milliseconds of the last write (the store sets it). */
  updatedAt: number;
}

/**
 * Saved user work, by collection and id. Every method resolves once the write is durable (an
 * IndexedDB transaction has completed, a server has answered), so "saved" in the interface
 * means it survives a reload or a crash. Values are stored as structured clones: a caller's
 * later mutation of the object it passed does not change what was saved.
 */
export interface UserStore {
  /** Where the data lives, for the settings panel ("本机浏览器" / "server …"). */
  readonly location: 'indexeddb' | 'memory' | 'server';
  get<T>(collection: Collection, id: string): Promise<StoredDocument<T> | undefined>;
  /** Every document of a collection, oldest write first. */
  list<T>(collection: Collection): Promise<StoredDocument<T>[]>;
  put<T>(collection: Collection, id: string, value: T): Promise<StoredDocument<T>>;
  /** Resolves true when there was a document to delete. */
  delete(collection: Collection, id: string): Promise<boolean>;
}

/** Orders documents oldest write first, ties by id, so every implementation lists alike. */
export function byWriteTime<T>(docs: StoredDocument<T>[]): StoredDocument<T>[] {
  return docs.sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A write time strictly after `previous`, so two saves in one millisecond still order by write.
 * The clock is the real one: this is when the user did it, not the dataset's date.
 */
export function nextWriteTime(previous: number, now = Date.now()): number {
  return now > previous ? now : previous + 1;
}
