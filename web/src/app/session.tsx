// Who is signed in: GET /api/session once at start, again after sign-in; a 401 anywhere signs
// the console out. `can(op)` answers from the permissions the API gives the caller.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, call, onSignedOut } from '../api/client';

type CurrentSession = Awaited<ReturnType<typeof loadSession>>;
export type Session = CurrentSession & { can(operation: string): boolean };
export type Role = CurrentSession['role'];

async function loadSession() {
  return call(api.GET('/session'));
}

type State = { status: 'loading' } | { status: 'signed-out'; reason?: string } | { status: 'signed-in'; session: CurrentSession };

interface SessionApi {
  state: State;
  signIn(id: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'signed-in', session: await loadSession() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setState({ status: 'signed-out' });
      else throw err;
    }
  }, []);

  useEffect(() => {
    loadSession().then(
      (session) => setState({ status: 'signed-in', session }),
      (err: unknown) =>
        setState({
          status: 'signed-out',
          reason: err instanceof ApiError && err.status === 401 ? undefined : err instanceof Error ? err.message : String(err),
        }),
    );
    return onSignedOut(() => setState({ status: 'signed-out', reason: 'expired' }));
  }, []);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      refresh,
      async signIn(id, password) {
        await call(api.POST('/session', { body: { id, password } }));
        await refresh();
      },
      async signOut() {
        await call(api.DELETE('/session')).catch(() => undefined);
        setState({ status: 'signed-out' });
      },
    }),
    [state, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionApi(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionApi outside SessionProvider');
  return value;
}

/** The signed-in session; pages are only rendered signed in. */
export function useSession(): Session {
  const { state } = useSessionApi();
  if (state.status !== 'signed-in') throw new Error('useSession while signed out');
  const session = state.session;
  return { ...session, can: (operation: string) => session.permissions.includes(operation) };
}
