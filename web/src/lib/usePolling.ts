// Calls `tick` every `ms` while `active`, e.g. reloading a cycle's status while it runs.
import { useEffect, useLayoutEffect, useRef } from 'react';

export function usePolling(tick: () => void, active: boolean, ms = 3000): void {
  const latest = useRef(tick);
  useLayoutEffect(() => {
    latest.current = tick;
  });
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current(), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
}
