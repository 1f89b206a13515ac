// Loads what a page shows, again when its inputs change or on reload(); only the answer for the
// latest inputs is kept, and the previous data stays on screen while the next loads.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload(): void;
}

/** `inputs` are the plain values (ids, filters) the load depends on; they are compared as JSON. */
export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[]): Loaded<T> {
  const [round, setRound] = useState(0);
  const [settled, setSettled] = useState<{ at: string; data?: T; error?: unknown }>();
  const current = `${JSON.stringify(inputs)}#${round}`;
  const latestLoad = useRef(load);
  useLayoutEffect(() => {
    latestLoad.current = load;
  });
  useEffect(() => {
    let live = true;
    latestLoad.current().then(
      (data) => live && setSettled({ at: current, data }),
      (error: unknown) => live && setSettled((s) => ({ at: current, data: s?.data, error })),
    );
    return () => {
      live = false;
    };
  }, [current]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: settled?.data, error: settled?.at === current ? settled.error : undefined, loading: settled?.at !== current, reload };
}
