/**
 * Saved views when the browser's storage misbehaves: full (QuotaExceededError), refused altogether
 * (SecurityError when site data is blocked), or holding a damaged list. Nothing throws, every
 * failure is reported (the dialog shows it: tests/e2e/faults.test.ts), and nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_STATE } from '../../src/domain/url-state.ts';
import { loadViews, makeView, serialise, STORAGE_KEY, storageProblem, storeViews, type KeyValueStore } from '../../src/export/saved-views.ts';

const view = makeView('包头', { ...EMPTY_STATE, view: { zoom: 6, lat: 41, lng: 110, bearing: 0, pitch: 0 } }, [
  [105, 38],
  [115, 43],
]);

/** A store backed by a map whose reads and writes can be made to throw. */
function fakeStore(opts: { getError?: unknown; setError?: unknown; initial?: Record<string, string> } = {}): KeyValueStore & { data: Map<string, string>; writes: number } {
  const data = new Map(Object.entries(opts.initial ?? {}));
  const store = {
    data,
    writes: 0,
    getItem(k: string) {
      if (opts.getError) throw opts.getError;
      return data.get(k) ?? null;
    },
    setItem(k: string, v: string) {
      store.writes++;
      if (opts.setError) throw opts.setError;
      data.set(k, v);
    },
  };
  return store;
}

const quota = () => new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value of 'plan-atlas:saved-views' exceeded the quota.", 'QuotaExceededError');
const denied = () => new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');

describe('saved views in a failing store', () => {
  it('storing reports a full store as quota, without throwing', () => {
    const store = fakeStore({ setError: quota() });
    let problem: ReturnType<typeof storeViews> = null;
    expect(() => (problem = storeViews(store, [view]))).not.toThrow();
    expect(problem).toMatchObject({ kind: 'quota' });
    expect(problem!.message).toContain('quota');
    expect(store.writes).toBe(1);
  });

  it('storing reports a refused or missing store as unavailable, and other failures as other', () => {
    expect(storeViews(fakeStore({ setError: denied() }), [view])).toMatchObject({ kind: 'unavailable' });
    expect(storeViews(null, [view])).toMatchObject({ kind: 'unavailable' });
    expect(storeViews(fakeStore({ setError: new Error('disk on fire') }), [view])).toEqual({ kind: 'other', message: 'disk on fire' });
    expect(storeViews(fakeStore({ setError: 'a string' }), [view])).toEqual({ kind: 'other', message: 'a string' });
  });

  it('storing succeeds quietly when the store works', () => {
    const store = fakeStore();
    expect(storeViews(store, [view])).toBeNull();
    expect(loadViews(store)).toEqual({ views: [view], damaged: false });
  });

  it("recognises the browsers' names and codes for a full store", () => {
    expect(storageProblem({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'x' }).kind).toBe('quota');
    expect(storageProblem({ name: 'Error', code: 22, message: 'x' }).kind).toBe('quota');
    expect(storageProblem({ code: 1014 }).kind).toBe('quota');
    expect(storageProblem(null).kind).toBe('other');
  });

  it('loading from a store that cannot be read gives an empty list and the reason, without throwing', () => {
    const r = loadViews(fakeStore({ getError: denied() }));
    expect(r.views).toEqual([]);
    expect(r.damaged).toBe(false);
    expect(r.readError).toMatchObject({ kind: 'unavailable' });
  });

  it('a damaged list is kept aside under a backup key, and reported', () => {
    const store = fakeStore({ initial: { [STORAGE_KEY]: '{"format":"plan-atlas-views","views":[{' } });
    expect(loadViews(store)).toEqual({ views: [], damaged: true });
    expect(store.data.get(`${STORAGE_KEY}:damaged`)).toBe('{"format":"plan-atlas-views","views":[{');
    // A list of the wrong shape (valid JSON) counts as damaged too.
    const wrong = fakeStore({ initial: { [STORAGE_KEY]: JSON.stringify({ format: 'plan-atlas-views', version: 1, views: [{ name: 'x' }] }) } });
    expect(loadViews(wrong).damaged).toBe(true);
    expect(wrong.data.has(`${STORAGE_KEY}:damaged`)).toBe(true);
  });

  it('a damaged list that cannot be kept aside (store full) says so', () => {
    const store = fakeStore({ initial: { [STORAGE_KEY]: '{broken' }, setError: quota() });
    expect(loadViews(store)).toEqual({ views: [], damaged: true, backupFailed: true });
    expect(store.data.get(STORAGE_KEY)).toBe('{broken');
  });

  it('a good list loads as it was stored', () => {
    const store = fakeStore({ initial: { [STORAGE_KEY]: serialise([view]) } });
    expect(loadViews(store)).toEqual({ views: [view], damaged: false });
  });
});
