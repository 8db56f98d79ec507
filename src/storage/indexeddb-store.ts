// Storage: the UserStore in this browser's IndexedDB (through idb). One object store holds every
// collection, keyed by [collection, id], so adding a collection needs no schema upgrade.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { byWriteTime, nextWriteTime, type Collection, type StoredDocument, type UserStore } from './user-store';

interface Row extends StoredDocument {
  collection: Collection;
}

interface OneMapDb extends DBSchema {
  documents: { key: [Collection, string]; value: Row; indexes: { collection: Collection } };
}

const DB_VERSION = 1;

export class IndexedDbStore implements UserStore {
  readonly location = 'indexeddb' as const;
  private lastWrite = 0;

  private constructor(private readonly db: IDBPDatabase<OneMapDb>) {}

  /** Opens (creating on first use) the database `name`; rejects when IndexedDB is unavailable. */
  static async open(name = 'one-map'): Promise<IndexedDbStore> {
    if (!globalThis.indexedDB) throw new Error('IndexedDB is not available in this environment');
    const db = await openDB<OneMapDb>(name, DB_VERSION, {
      upgrade(db) {
        const store = db.createObjectStore('documents', { keyPath: ['collection', 'id'] });
        store.createIndex('collection', 'collection');
      },
    });
    return new IndexedDbStore(db);
  }

  async get<T>(collection: Collection, id: string): Promise<StoredDocument<T> | undefined> {
    const row = await this.db.get('documents', [collection, id]);
    return row && toDocument<T>(row);
  }

  async list<T>(collection: Collection): Promise<StoredDocument<T>[]> {
    const rows = await this.db.getAllFromIndex('documents', 'collection', collection);
    return byWriteTime(rows.map((r) => toDocument<T>(r)));
  }

  async put<T>(collection: Collection, id: string, value: T): Promise<StoredDocument<T>> {
    this.lastWrite = nextWriteTime(this.lastWrite);
    const row: Row = { collection, id, value, updatedAt: this.lastWrite };
    const tx = this.db.transaction('documents', 'readwrite');
    await Promise.all([tx.store.put(row), tx.done]);
    return { id, value: structuredClone(value), updatedAt: row.updatedAt };
  }

  async delete(collection: Collection, id: string): Promise<boolean> {
    const tx = this.db.transaction('documents', 'readwrite');
    const existed = (await tx.store.getKey([collection, id])) !== undefined;
    if (existed) await tx.store.delete([collection, id]);
    await tx.done;
    return existed;
  }

  close(): void {
    this.db.close();
  }
}

function toDocument<T>(row: Row): StoredDocument<T> {
  return { id: row.id, value: row.value as T, updatedAt: row.updatedAt };
}
