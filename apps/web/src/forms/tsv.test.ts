import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from './tsv';

describe('parseTsv', () => {
  it('reads an Excel block: CRLF lines and the final line break that Excel adds', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads a LibreOffice block with LF lines and no final line break', () => {
    expect(parseTsv('а\tб\nв\tг')).toEqual([
      ['а', 'б'],
      ['в', 'г'],
    ]);
  });

  it('keeps line breaks, tabs and doubled quotes inside a quoted cell', () => {
    const text = '"Иванов\nИван"\t"5"" экран"\t"a\tb"\r\nx\t\t\r\n';
    expect(parseTsv(text)).toEqual([
      ['Иванов\nИван', '5" экран', 'a\tb'],
      ['x', '', ''],
    ]);
  });

  it('keeps empty cells at the ends of a row and empty rows inside the block', () => {
    expect(parseTsv('\t1\t\n\n2\n')).toEqual([['', '1', ''], [''], ['2']]);
  });

  it('treats a quote that never closes as an ordinary character', () => {
    expect(parseTsv('"дюйм\t7\n')).toEqual([['"дюйм', '7']]);
  });

  it('reads a single copied cell and an empty clipboard', () => {
    expect(parseTsv('42\r\n')).toEqual([['42']]);
    expect(parseTsv('42')).toEqual([['42']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads a lone CR as a line break (old Mac clipboards)', () => {
    expect(parseTsv('1\r2\r')).toEqual([['1'], ['2']]);
  });
});

describe('toTsv', () => {
  it('quotes only the cells that need it, and parses back to the same cells', () => {
    const rows = [
      ['Школа № 5', 'строка\nвторая', 'с "кавычками"'],
      ['', 'a\tb', '3,5'],
    ];
    const text = toTsv(rows);
    expect(text).toBe('Школа № 5\t"строка\nвторая"\t"с ""кавычками"""\r\n\t"a\tb"\t3,5');
    expect(parseTsv(text)).toEqual(rows);
  });
});
