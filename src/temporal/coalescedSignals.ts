// Signals that only wake a workflow to recount from the database (a leader's visits) can come
// faster than the workflow's tasks complete: a flood of them grows its history by one event each,
// and a workflow that continues as new while signals keep arriving has its task failed by the
// server (the new signals must be handled first). Since one wake-up after the last change is all
// the workflow needs, this process sends at most one signal per workflow at a time and per
// interval; the calls in between share the one sent after them, which the workflow sees after
// every change they announced.
export interface Coalescer<T> {
  /** Sends for `key` now, or joins the one send due after the current one. */
  send(key: string, sendNow: () => Promise<T>): Promise<T>;
}

export function coalescer<T>(minIntervalMs: number, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Coalescer<T> {
  /** Per key: the send not yet begun (every call meanwhile shares it), and when the key is free again. */
  const lanes = new Map<string, { unsent?: Promise<T>; free: Promise<unknown> }>();

  return {
    send(key, sendNow) {
      const before = lanes.get(key);
      if (before?.unsent) return before.unsent;
      const lane: { unsent?: Promise<T>; free: Promise<unknown> } = { free: Promise.resolve() };
      const sent = (before?.free ?? Promise.resolve()).then(() => {
        lane.unsent = undefined;
        return sendNow();
      });
      lane.unsent = sent;
      lane.free = sent.then(
        () => sleep(minIntervalMs),
        () => sleep(minIntervalMs),
      );
      lanes.set(key, lane);
      void lane.free.then(() => {
        if (lanes.get(key) === lane) lanes.delete(key);
      });
      return sent;
    },
  };
}
