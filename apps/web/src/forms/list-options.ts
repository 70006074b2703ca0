// The items a list cell offers while the user types into it.
import { lookalikeKey } from '@oko/shared';

export const MAX_OPTIONS = 200;

/** Items that contain the typed text (also with Cyrillic lookalikes), the exact match first, then prefixes. */
export function filterOptions(items: readonly string[], text: string, showAll: boolean): string[] {
  const q = text.trim().toLowerCase();
  if (showAll || q === '') return items.slice(0, MAX_OPTIONS);
  const folded = lookalikeKey(q);
  const rank = (item: string): number => {
    const low = item.toLowerCase();
    if (low === q || lookalikeKey(item) === folded) return 0;
    if (low.startsWith(q) || lookalikeKey(item).startsWith(folded)) return 1;
    if (low.includes(q) || lookalikeKey(item).includes(folded)) return 2;
    return 3;
  };
  return items
    .map((item, i) => ({ item, i, r: rank(item) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, MAX_OPTIONS)
    .map((x) => x.item);
}
