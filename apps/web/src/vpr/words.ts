import type { CampaignDetail, MaterialFile } from '@oko/shared';

type Group = CampaignDetail['subjects'][number]['group'];

export const groupWord = (g: Group): string => {
  switch (g) {
    case 'open':
      return 'открытая';
    case 'encrypted':
      return 'шифрованная';
  }
};

/** «История, 5 класс». */
export const subjectTitle = (s: { name: string; grade: number }): string => `${s.name}, ${s.grade} класс`;

/** «512 Б», «48 КБ», «1,2 МБ». */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  const units = ['Б', 'КБ', 'МБ', 'ГБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace('.', ',');
  return `${shown} ${units[unit]}`;
}

export const fileUrl = (f: MaterialFile): string | null => (f.available && f.fileId ? `/api/files/${f.fileId}` : null);
