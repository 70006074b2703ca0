import type { EntryState } from '@oko/shared';

// the titles of @oko/shared, repeated so the browser bundle does not pull the zod schemas in with them
export const entryStateWord = (s: EntryState): string => {
  switch (s) {
    case 'not_started':
      return 'Не приступило';
    case 'in_progress':
      return 'В работе';
    case 'submitted':
      return 'Сдано';
  }
};

export const entryStateBadge = (s: EntryState): string => {
  switch (s) {
    case 'not_started':
      return 'badge';
    case 'in_progress':
      return 'badge badge-warn';
    case 'submitted':
      return 'badge badge-ok';
  }
};

export const collectionStatusWord = (s: 'open' | 'closed'): string => (s === 'open' ? 'Открыт' : 'Закрыт');
