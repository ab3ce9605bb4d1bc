import { useEffect, useState } from "preact/hooks";

/** A value that components can watch: the app's only state primitive (no framework store needed). */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  update(change: (value: T) => T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  const store: Store<T> = {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    update: (change) => store.set(change(value)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

/** Re-renders the calling component whenever the store changes. */
export function useStore<T>(store: Store<T>): T {
  const value = store.get();
  const [, setTick] = useState(0);
  useEffect(() => {
    const unsubscribe = store.subscribe(() => setTick((n) => n + 1));
    // Child effects run before their parent's: a child may have changed the store between this
    // render and this subscription (e.g. a redirect on first render). Catch up with it.
    if (store.get() !== value) setTick((n) => n + 1);
    return unsubscribe;
  }, [store]);
  return value;
}
