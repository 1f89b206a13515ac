// The bureau head has one recipient id, bureau:head. Notices stored before that was so, addressed
// to bureau:bureau, are readdressed by a migration and show in the head's inbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { committedMigrations, migrate } from '../../src/db/migrate.js';
import { publishJointNotice } from '../support/notices.js';
import { harness } from '../api/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'cp-bureau-head-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('readdresses stored bureau:bureau notices to bureau:head, whose inbox then shows them and who can acknowledge them', async () => {
  const file = join(dir, 'app.db');
  const before = committedMigrations('sqlite').filter((m) => !m.name.endsWith('_bureau_head_recipient'));
  const old = new Database(file);
  old.exec(`CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
  for (const m of before) {
    old.exec(m.sql);
    old.prepare('INSERT INTO "_app_migrations" VALUES (?, ?)').run(m.name, '2026-11-28T00:00:00Z');
  }
  old.close();
  let db = createDb(`file:${file}`);
  await publishJointNotice(db, '2026-Q3/subsidy/o01/payment-overdue/2026-11-02', [
    { type: 'finance', id: 'finance' },
    { type: 'bureau', id: 'bureau' },
  ]);
  await db.$disconnect();

  expect(await migrate(`file:${file}`)).toEqual([expect.stringMatching(/_bureau_head_recipient$/)]);
  db = createDb(`file:${file}`);
  try {
    const h = await harness(db);
    const head = await h.as({ role: 'bureau-head' });
    const inbox = await head.get('/api/inbox?recipient=bureau:head').expect(200);
    expect(inbox.body.items.map((n: { id: string }) => n.id)).toEqual(['2026-Q3/subsidy/o01/payment-overdue/2026-11-02']);
    expect(await db.noticeRecipient.count({ where: { recipientType: 'bureau', recipientId: 'bureau' } })).toBe(0);
    await head
      .post('/api/notices/2026-Q3/subsidy/o01/payment-overdue/2026-11-02/acknowledgements', { recipientType: 'bureau', recipientId: 'head' })
      .expect(201);
  } finally {
    await db.$disconnect();
  }
});
