// The session and throttling settings come from the environment, with the documented defaults.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('accounts configuration', () => {
  it('defaults to 30 min idle, 12 h absolute, Secure over HTTPS only, no proxy trusted, 250 ms per failure', () => {
    expect(loadConfig({}).accounts).toEqual({
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      secureCookies: false,
      trustProxy: false,
      failureDelayMs: 250,
      maxFailuresPerName: 5,
      maxFailuresPerIp: 20,
      failureWindowMinutes: 15,
    });
  });

  it('reads every setting', () => {
    const { accounts } = loadConfig({
      SESSION_IDLE_MINUTES: '10',
      SESSION_ABSOLUTE_HOURS: '8',
      COOKIE_SECURE: 'true',
      TRUST_PROXY: '1',
      SIGN_IN_FAILURE_DELAY_MS: '500',
      SIGN_IN_MAX_FAILURES: '3',
      SIGN_IN_MAX_FAILURES_PER_IP: '50',
      SIGN_IN_WINDOW_MINUTES: '30',
    });
    expect(accounts).toMatchObject({ sessionIdleMinutes: 10, sessionAbsoluteHours: 8, secureCookies: true, trustProxy: 1, failureDelayMs: 500 });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).accounts.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: 'true' }).accounts.trustProxy).toBe(true);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE/);
  });
});
