import type { CellValue } from '@oko/shared';

const SPACES = /[\s\u00a0\u2007\u202f\u2009\u200a]+/g;

/** Trimmed, with every run of spaces (non-breaking ones too) as one: names compare as people read them. */
export const collapseSpaces = (s: string): string => s.replace(SPACES, ' ').trim();

/** A cell as text: '' for an empty one. */
export const cellText = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : collapseSpaces(String(v));
