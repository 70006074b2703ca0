import type { Campaign } from '@oko/shared';

/** The campaign whose window starts last comes first; equal windows by creation. */
export function newestFirst(list: readonly Campaign[]): Campaign[] {
  return [...list].sort((a, b) => b.windowStart.localeCompare(a.windowStart) || b.createdAt.localeCompare(a.createdAt));
}
