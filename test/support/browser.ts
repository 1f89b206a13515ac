// Debian's Chromium driven by playwright-core, and the password users who sign in to the console:
// free of vitest, so the browser tests (through test/support/console.ts) and `npm run bench` share them.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { hashPassword } from '../../src/accounts/passwords.js';
import type { Role } from '../../src/contracts/roles.js';
import type { Db } from '../../src/db/client.js';

export const password = 'console-test-password-2026';

/** Debian's Chromium (apt `chromium`), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!path) throw new Error("no Chromium: install Debian's chromium package (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH");
  return path;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'], headless: true });
}

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

export async function newContext(browser: Browser, viewport = desktop): Promise<BrowserContext> {
  // Reduced motion: the console then skips its transitions, so axe never measures a colour
  // half-way between two legal ones (a menu item turning selected measured 4.26:1 once).
  return browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, reducedMotion: 'reduce' });
}

/** A user who signs in with `password`, of the demo county unless another is named; made once per id. */
export async function consoleUser(db: Db, user: { id: string; role: Role; subjectId?: string; name?: string; countyId?: string }): Promise<string> {
  const passwordHash = await hashPassword(password);
  await db.user.upsert({
    where: { id: user.id },
    create: {
      id: user.id,
      role: user.role,
      countyId: user.countyId ?? 'demo',
      subjectId: user.subjectId ?? null,
      displayName: user.name ?? user.id,
      createdBy: 'test',
      passwordHash,
      passwordChangedAt: new Date(),
    },
    update: {},
  });
  return user.id;
}
