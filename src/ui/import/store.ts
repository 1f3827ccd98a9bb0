/**
 * Where imported layers are kept: IndexedDB (files up to 10 MB do not fit localStorage's few MB
 * next to the saved views), one record per layer. Which layers are hidden is a short list in
 * localStorage. Every failure is returned to the caller as an error to show, never swallowed;
 * a QuotaExceededError keeps its name so the notice can say the storage is full.
 */
import { isUserLayer, type UserLayer } from '../../domain/user-layers.ts';

const DB_NAME = 'plan-atlas-user-layers';
const STORE = 'layers';
export const HIDDEN_KEY = 'plan-atlas:user-layers:hidden';

let db: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
  db.catch(() => (db = null));
  return db;
}

/** Runs one transaction; resolves when it commits, rejects with its error (e.g. QuotaExceededError). */
async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const d = await openDb();
  return new Promise<T>((resolve, reject) => {
    let result: T;
    let tx: IDBTransaction;
    try {
      tx = d.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      req.onsuccess = () => (result = req.result);
    } catch (e) {
      reject(e);
      return;
    }
    tx.oncomplete = () => resolve(result);
    tx.onabort = () => reject(tx.error ?? new Error('the storage transaction was aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('the storage transaction failed'));
  });
}

/** Stored layers in the order they were imported; `damaged` counts records that were not layers. */
export async function loadLayers(): Promise<{ layers: UserLayer[]; damaged: number }> {
  const all = await run<unknown[]>('readonly', (s) => s.getAll());
  const layers = all.filter(isUserLayer).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  return { layers, damaged: all.length - layers.length };
}

export function putLayer(layer: UserLayer): Promise<unknown> {
  return run('readwrite', (s) => s.put(layer));
}

export function deleteLayer(id: string): Promise<unknown> {
  return run('readwrite', (s) => s.delete(id));
}

export function loadHidden(): string[] {
  try {
    const raw = window.localStorage.getItem(HIDDEN_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return []; // unreadable: show every layer (nothing is lost)
  }
}

/** Throws when localStorage refuses (full or disabled). */
export function storeHidden(ids: readonly string[]): void {
  window.localStorage.setItem(HIDDEN_KEY, JSON.stringify(ids));
}

/** An error as the notice shows it: its name (QuotaExceededError …) and message. */
export function errorText(e: unknown): string {
  if (e instanceof Error || (e && typeof e === 'object' && 'message' in e)) {
    const { name, message } = e as { name?: string; message: string };
    return name && name !== 'Error' ? `${name}: ${message}` : message;
  }
  return String(e);
}

export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
