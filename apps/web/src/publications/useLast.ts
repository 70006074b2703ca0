import { useState } from 'react';

/**
 * The latest value that was not undefined: while a filtered list reloads, the old rows stay on screen
 * (and the search box keeps its focus) instead of a loading line replacing everything.
 */
export function useLast<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState<T | undefined>(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
