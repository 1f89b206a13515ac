// Another process holding a SQLite file locked: BEGIN EXCLUSIVE for LOCK_MS, then COMMIT. The
// file is in WAL mode, where EXCLUSIVE takes the write lock only: every other connection's write
// waits (busy timeout) and then fails with SQLITE_BUSY, while reads go on from the last commit.
import Database from 'better-sqlite3';

const file = process.env.SQLITE_FILE;
const ms = Number(process.env.LOCK_MS);
if (!file || !(ms > 0)) throw new Error('SQLITE_FILE and LOCK_MS are required');

const db = new Database(file);
db.exec('BEGIN EXCLUSIVE');
console.log(`locked ${file} (${db.pragma('journal_mode', { simple: true })}) for ${ms} ms`);
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  console.log('unlocked');
}, ms);
