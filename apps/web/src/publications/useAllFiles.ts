import { useEffect, useState } from 'react';
import type { FilePage, StoredFile } from '@oko/shared';
import { api, toApiError, type ApiError } from '../api/client';

const PAGE = 200;
/** «Показать все» on a storage of individual files for every ОО of the country would be tens of thousands of rows */
export const ALL_FILES_LIMIT = 2000;

export interface AllFiles {
  items: StoredFile[] | undefined;
  total: number;
  error: ApiError | undefined;
}

/** Every page of a storage's files matching `q`, up to ALL_FILES_LIMIT, fetched one page after another. */
export function useAllFiles(storageId: string, q: string, version: number, enabled: boolean): AllFiles {
  const [state, setState] = useState<{ key: string; items: StoredFile[]; total: number; error?: ApiError }>({
    key: '',
    items: [],
    total: 0,
  });
  const key = `${storageId}|${q}|${version}`;

  useEffect(() => {
    if (!enabled) return undefined;
    const ctrl = new AbortController();
    const load = async () => {
      const items: StoredFile[] = [];
      let total = 0;
      try {
        for (let page = 1; ; page += 1) {
          const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE) });
          if (q) params.set('q', q);
          const res = await api.get<FilePage>(`/api/storages/${storageId}/files?${params.toString()}`, ctrl.signal);
          items.push(...res.items);
          total = res.total;
          if (res.items.length === 0 || items.length >= total || items.length >= ALL_FILES_LIMIT) break;
        }
        setState({ key, items: items.slice(0, ALL_FILES_LIMIT), total });
      } catch (e) {
        if (!ctrl.signal.aborted) setState({ key, items: [], total: 0, error: toApiError(e) });
      }
    };
    void load();
    return () => ctrl.abort();
  }, [storageId, q, key, enabled]);

  const ready = state.key === key;
  return {
    items: ready && !state.error ? state.items : undefined,
    total: state.total,
    error: ready ? state.error : undefined,
  };
}
