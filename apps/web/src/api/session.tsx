import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken } from './client';
import type { Session, SessionUser } from './types';

type SessionState =
  { status: 'loading' } | { status: 'signed-out'; expired?: boolean } | { status: 'signed-in'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
  /** After a 401 (expired: true) or a sign-out: the cookie is gone, so is the user. */
  forget: (expired?: boolean) => void;
}

const SIGN_IN_PATH = '/login';

const SessionContext = createContext<SessionContextValue | null>(null);

/** Who is signed in; boot.ts has asked already (before React's first render), and this takes its answer. */
const askSession = () => api<Session>('/auth/session', { allowUnauthenticated: true });

/** The session lives in an HttpOnly cookie; the page only ever holds the CSRF token and the user. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user });
    return session.user;
  }, []);

  const forget = useCallback((expired = false) => {
    setCsrfToken(undefined);
    setState({ status: 'signed-out', expired });
  }, []);

  useEffect(() => {
    // Opened at the sign-in page the user is signing in: asking would only answer the expected 401,
    // which the browser logs as a console error. The form signs in (or back in) either way.
    if (window.location.pathname === SIGN_IN_PATH) return forget(false);
    askSession()
      .then(({ data }) => adopt(data))
      .catch(() => forget(false));
  }, [adopt, forget]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { data } = await api<Session>('/auth/session', {
        method: 'POST',
        body: { username, password },
        allowUnauthenticated: true,
      });
      return adopt(data);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await api<void>('/auth/session', { method: 'DELETE', allowUnauthenticated: true });
    } finally {
      forget(false);
    }
  }, [forget]);

  const value = useMemo(() => ({ state, signIn, signOut, forget }), [state, signIn, signOut, forget]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For screens behind RequireRole: the user is certainly there. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser without a signed-in user');
  return state.user;
}
