// Passwords are scrypt hashes with their parameters and salt, compared in constant time.
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/accounts/passwords.js';

const format = /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/;

describe('passwords', () => {
  it('stores scrypt$N$r$p$salt$hash with N=2^15, r=8, p=1, a 16-byte salt and a 32-byte key', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(format);
    expect(stored).not.toMatch(/^[0-9a-f]{64}$/); // never a bare sha256
  });

  it('salts every hash afresh and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'sha256$abc')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$32768$8$1$AAAA$AAAA')).toBe(false);
  });

  it('refuses passwords under 12 characters and the sign-in name itself', () => {
    expect(passwordProblem('short-pass1', 'leader1')).toMatch(/at least 12/);
    expect(passwordProblem('officer.zhang', 'Officer.Zhang')).toMatch(/sign-in name/);
    expect(passwordProblem('twelve chars', 'leader1')).toBeUndefined();
  });
});
