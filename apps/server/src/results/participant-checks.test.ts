import { resultsTemplate, RESULTS_SHEET } from '@oko/shared';
import { describe, expect, it } from 'vitest';
import { participantIssues } from './participant-checks.ts';

const t = resultsTemplate({
  code: 'МА',
  name: 'Математика',
  grade: 4,
  variants: 2,
  year: 2026,
  tasks: [{ number: '1', maxScore: 1 }],
});
const codes = new Set(['40001', '40002']);

describe('participant codes of a results form', () => {
  it('names a stranger code and a repeated one at their cells, by worksheet row', () => {
    const data = { [RESULTS_SHEET]: [{ code: '40001' }, { code: '49999' }, { code: '40001' }] };
    const issues = participantIssues(t, data, codes, 4, [2, 5, 9]);
    expect(issues.map((i) => [i.cell, i.message])).toEqual([
      ['A5', 'Кода 49999 нет среди кодов участников вашей ОО для 4 класса'],
      ['A9', 'Код 40001 уже указан в строке 2: у каждого участника одна строка'],
    ]);
  });

  it('counts online rows from row 2, skips empty rows and refuses an empty form', () => {
    expect(participantIssues(t, { [RESULTS_SHEET]: [{}, { code: '40003' }] }, codes, 4)[0]!.cell).toBe('A3');
    expect(participantIssues(t, { [RESULTS_SHEET]: [{}] }, codes, 4)[0]!.message).toMatch(/нет ни одного участника/);
  });

  it('says when the codes of the grade are not issued yet', () => {
    expect(participantIssues(t, { [RESULTS_SHEET]: [{ code: '40001' }] }, new Set(), 4)[0]!.message).toMatch(
      /коды участников ещё не выданы/,
    );
  });
});
