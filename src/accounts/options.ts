// How long sessions live and how hard sign-in pushes back, as configured (src/config.ts).
export interface AccountsOptions {
  /** A session unused this long has ended (SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in however busy (SESSION_ABSOLUTE_HOURS). */
  sessionAbsoluteHours: number;
  /** Always mark cookies Secure; otherwise only when the request came over HTTPS (COOKIE_SECURE). */
  secureCookies: boolean;
  /** Express's `trust proxy`, so that req.secure and req.ip see through a TLS proxy (TRUST_PROXY). */
  trustProxy: boolean | number | string;
  /** Each failed sign-in or invitation acceptance answers no sooner than this (SIGN_IN_FAILURE_DELAY_MS). */
  failureDelayMs: number;
  /** Failures per sign-in name or invitation code within the window before 429 (SIGN_IN_MAX_FAILURES). */
  maxFailuresPerName: number;
  /** Failures per client address within the window before 429 (SIGN_IN_MAX_FAILURES_PER_IP). */
  maxFailuresPerIp: number;
  /** The sliding window the failures count in (SIGN_IN_WINDOW_MINUTES). */
  failureWindowMinutes: number;
}

export const defaultAccountsOptions: AccountsOptions = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  secureCookies: false,
  trustProxy: false,
  failureDelayMs: 250,
  maxFailuresPerName: 5,
  maxFailuresPerIp: 20,
  failureWindowMinutes: 15,
};

/** Invitation codes are valid this long. */
export const invitationHours = 72;
/** A session's lastSeenAt and a token's lastUsedAt are written at most this often, so a busy caller costs no write per request. */
export const touchEveryMs = 60_000;
