// SQLite's driver is synchronous: a run of queries under promises never lets the event loop run,
// so a long one would hold the process's HTTP requests, the worker's polls and the activity's own
// heartbeats until it ends. Long loops of queries call this between their steps (never inside a
// transaction, where a request let in would wait on the lock the loop holds).
export const giveTheLoopATurn = () => new Promise<void>((resolve) => setImmediate(resolve));
