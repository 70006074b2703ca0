import type { Org } from './api/types';

export const orgStatusWord = (s: Org['status']): string => {
  switch (s) {
    case 'active':
      return 'Действует';
    case 'closed':
      return 'Закрыта';
  }
};

export const orgKindWord = (k: Org['kind']): string => {
  switch (k) {
    case 'school':
      return 'Школа';
    case 'college':
      return 'СПО';
  }
};
