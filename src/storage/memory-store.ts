// Storage: a UserStore held in memory — for Node tests, and the fallback when a locked-down
// browser refuses IndexedDB (work then lasts for the page's life, and the settings say so).
import { byWriteTime, nextWriteTime, type Collection, type StoredDocument, type UserStore } from './user-store';

export class MemoryStore implements UserStore {
  readonly location = 'memory' as const;
  private readonly docs = new Map<Collection, Map<string, StoredDocument>>();
  private lastWrite = 0;

  async get<T>(collection: Collection, id: string): Promise<StoredDocument<T> | undefined> {
    const doc = this.docs.get(collection)?.get(id);
    return doc && (structuredClone(doc) as StoredDocument<T>);
  }

  async list<T>(collection: Collection): Promise<StoredDocument<T>[]> {
    return byWriteTime([...(this.docs.get(collection)?.values() ?? [])].map((d) => structuredClone(d) as StoredDocument<T>));
  }

  async put<T>(collection: Collection, id: string, value: T): Promise<StoredDocument<T>> {
    this.lastWrite = nextWriteTime(this.lastWrite);
    const doc: StoredDocument<T> = { id, value: structuredClone(value), updatedAt: this.lastWrite };
    let docs = this.docs.get(collection);
    if (!docs) this.docs.set(collection, (docs = new Map()));
    docs.set(id, doc);
    return structuredClone(doc);
  }

  async delete(collection: Collection, id: string): Promise<boolean> {
    return this.docs.get(collection)?.delete(id) ?? false;
  }
}
