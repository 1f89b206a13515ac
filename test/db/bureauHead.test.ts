// The bureau head has one recipient id, bureau:head. Notices stored before that was so, addressed
// to bureau:bureau, are readdressed by a migration and show in the head's inbox (the head of the
// county the database upgrades into, county-1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { committedMigrations, migrate } from '../../src/db/migrate.js';
import { harness } from '../api/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'cp-bureau-head-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('readdresses stored bureau:bureau notices to bureau:head, whose inbox then shows them and who can acknowledge them', async () => {
  const file = join(dir, 'app.db');
  // A database of the release before the bureau head had an id of its own (0001..0004), with a
  // notice to finance and to bureau:bureau as that release wrote it.
  const before = committedMigrations('sqlite').filter((m) => m.name < '0005');
  const old = new Database(file);
  old.exec(`CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
  for (const m of before) {
    old.exec(m.sql);
    old.prepare('INSERT INTO "_app_migrations" VALUES (?, ?)').run(m.name, '2026-11-28T00:00:00Z');
  }
  const id = '2026-Q3/subsidy/o01/payment-overdue/2026-11-02';
  old
    .prepare(
      `INSERT INTO "Notice" ("id", "kind", "cycleId", "about", "titleZh", "bodyZh", "bodyEn", "facts") VALUES (?, 'joint-notice', '2026-Q3', 'c01', ?, '通报正文', 'notice body', '{}')`,
    )
    .run(id, '关于小江口小区警务室考评排名末位的通报');
  for (const [type, rid] of [
    ['finance', 'finance'],
    ['bureau', 'bureau'],
  ])
    old.prepare('INSERT INTO "NoticeRecipient" ("noticeId", "recipientType", "recipientId") VALUES (?, ?, ?)').run(id, type, rid);
  old.close();

  // Every later migration, counties (0008: the notice joins county-1) among them.
  expect(await migrate(`file:${file}`)).toEqual(
    committedMigrations('sqlite')
      .filter((m) => m.name >= '0005')
      .map((m) => m.name),
  );
  const db = createDb(`file:${file}`);
  try {
    expect(await db.notice.findUniqueOrThrow({ where: { id } })).toMatchObject({ countyId: 'county-1' });
    const h = await harness(db);
    const head = await h.as({ role: 'bureau-head', countyId: 'county-1' });
    const inbox = await head.get('/api/inbox?recipient=bureau:head').expect(200);
    expect(inbox.body.items.map((n: { id: string }) => n.id)).toEqual([id]);
    expect(await db.noticeRecipient.count({ where: { recipientType: 'bureau', recipientId: 'bureau' } })).toBe(0);
    await head.post(`/api/notices/${id}/acknowledgements`, { recipientType: 'bureau', recipientId: 'head' }).expect(201);
  } finally {
    await db.$disconnect();
  }
});
