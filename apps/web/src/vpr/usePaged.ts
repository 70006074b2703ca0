import { useState } from 'react';

/** The page of a filtered list: any change of the filters (their `key`) starts again from page 1. */
export function usePaged(key: string): [number, (page: number) => void] {
  const [state, setState] = useState({ key, page: 1 });
  const page = state.key === key ? state.page : 1;
  return [page, (p) => setState({ key, page: p })];
}
