import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type ApiError } from './client';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  path: string | null;
  key: string | null;
  data?: T;
  error?: ApiError;
}

/** GETs `path` (null: nothing yet) and keeps the last answer while a reload is under way. */
export function useResource<T>(path: string | null): Resource<T> {
  const [version, setVersion] = useState(0);
  const key = path === null ? null : `${path}#${version}`;
  const [state, setState] = useState<Loaded<T>>({ path: null, key: null });

  useEffect(() => {
    if (path === null || key === null) return undefined;
    const ctrl = new AbortController();
    api.get<T>(path, ctrl.signal).then(
      (data) => setState({ path, key, data }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ path, key, error: toApiError(e) });
      },
    );
    return () => ctrl.abort();
  }, [path, key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const samePath = state.path === path;
  return {
    data: samePath ? state.data : undefined,
    error: state.key === key ? state.error : undefined,
    loading: path !== null && state.key !== key,
    reload,
  };
}
