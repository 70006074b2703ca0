import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setSessionLostHandler, toApiError, type ApiError } from '../api/client';
import type { LoginResponse, Me } from '../api/types';
import { navigate } from '../router';

export type AuthState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'anonymous'; notice: string | null }
  | { status: 'signed-in'; me: Me };

interface AuthApi {
  state: AuthState;
  login: (login: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthApi | null>(null);

async function fetchMe(): Promise<AuthState> {
  try {
    const me = await api.get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return { status: 'signed-in', me };
  } catch (e) {
    const error = toApiError(e);
    if (error.status === 401) {
      setCsrfToken(null);
      return { status: 'anonymous', notice: null };
    }
    return { status: 'failed', error };
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    setState(await fetchMe());
  }, []);

  useEffect(() => {
    let live = true;
    void fetchMe().then((s) => {
      if (live) setState(s);
    });
    setSessionLostHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', notice: 'Сеанс завершён. Войдите снова.' });
    });
    return () => {
      live = false;
      setSessionLostHandler(null);
    };
  }, []);

  const login = useCallback(async (login: string, password: string) => {
    const res = await api.post<LoginResponse>('/api/auth/login', { login, password });
    setCsrfToken(res.user.csrfToken);
    navigate('/', { replace: true });
    setState({ status: 'signed-in', me: res.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the session may already be over; the user leaves either way
    }
    setCsrfToken(null);
    navigate('/login', { replace: true });
    setState({ status: 'anonymous', notice: null });
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in account; only pages behind the sign-in gate call it. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useMe without a session');
  return state.me;
}
