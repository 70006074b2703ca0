// A copy of unsaved changes in this browser (localStorage), for when the server cannot take them: another tab
// saved first, the network is gone, the collection closed. Offered back after the page is reloaded.
import type { CellChange } from './changes';

export interface Draft {
  /** when the copy was made (ISO) */
  at: string;
  changes: CellChange[];
}

const key = (collectionId: string) => `oko.form-draft.${collectionId}`;

export function saveDraft(collectionId: string, changes: CellChange[]): void {
  try {
    if (changes.length === 0) localStorage.removeItem(key(collectionId));
    else localStorage.setItem(key(collectionId), JSON.stringify({ at: new Date().toISOString(), changes }));
  } catch {
    // storage full or disabled: the in-memory data is still there while the page is open
  }
}

export function loadDraft(collectionId: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(collectionId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (typeof parsed.at !== 'string' || !Array.isArray(parsed.changes)) return null;
    return { at: parsed.at, changes: parsed.changes };
  } catch {
    return null;
  }
}

export function clearDraft(collectionId: string): void {
  try {
    localStorage.removeItem(key(collectionId));
  } catch {
    // nothing to clear
  }
}
