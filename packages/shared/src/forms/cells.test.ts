import { describe, expect, it } from 'vitest';
import {
  cellAddress,
  columnIndexOf,
  columnLetter,
  dataColumnIndex,
  FIRST_DATA_ROW,
  HEADER_ROW,
  headerTitles,
} from './cells.ts';
import { TEST_TEMPLATE } from './template.fixture.ts';

const [classes, staff] = TEST_TEMPLATE.sheets as [(typeof TEST_TEMPLATE.sheets)[0], (typeof TEST_TEMPLATE.sheets)[0]];

describe('A1 addresses', () => {
  it('names columns as Excel does', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(16383)).toBe('XFD');
    expect(() => columnLetter(-1)).toThrow();
  });

  it('inverts column letters', () => {
    for (const i of [0, 1, 25, 26, 51, 52, 701, 702, 16383]) expect(columnIndexOf(columnLetter(i))).toBe(i);
  });

  it('builds cell addresses from a 0-based column and a 1-based row', () => {
    expect(cellAddress(0, 1)).toBe('A1');
    expect(cellAddress(2, 7)).toBe('C7');
    expect(cellAddress(26, 100)).toBe('AA100');
  });

  it('puts the header in row 1 and data from row 2', () => {
    expect(HEADER_ROW).toBe(1);
    expect(FIRST_DATA_ROW).toBe(2);
  });

  it('shifts template columns right of the label column on fixed sheets only', () => {
    expect(dataColumnIndex(classes, 'students')).toBe(1);
    expect(dataColumnIndex(classes, 'hoursTotal')).toBe(6);
    expect(dataColumnIndex(staff, 'login')).toBe(0);
    expect(dataColumnIndex(staff, 'fio')).toBe(1);
    expect(() => dataColumnIndex(staff, 'nope')).toThrow();
    expect(headerTitles(classes)[0]).toBe('Класс');
    expect(headerTitles(staff)[0]).toBe('Логин ОО');
  });
});
