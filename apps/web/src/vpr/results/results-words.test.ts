import { describe, expect, it } from 'vitest';
import type { ResultsSubjectStatus } from '@oko/shared';
import { answerNow, closedReason, issueText, uploadText } from './results-words';

const status: ResultsSubjectStatus = {
  subjectId: '00000000-0000-4000-8000-000000000001',
  campaignId: '00000000-0000-4000-8000-000000000002',
  code: 'РУ',
  name: 'Русский язык',
  grade: 4,
  testDate: '2026-04-21',
  opensAt: '2026-04-20T22:00:00.000Z', // 00:00 in Kaliningrad
  deadline: '2026-04-24T20:00:00.000Z', // 23:00 МСК
  openUntil: null,
  open: false,
  state: 'not_started',
  lastUpload: null,
  zone: 'Europe/Kaliningrad',
};

describe('слова результатов ВПР', () => {
  it('до дня проведения называет момент открытия по местному и московскому времени', () => {
    expect(closedReason(status, Date.parse('2026-04-19T10:00:00Z'))).toBe(
      'Результаты принимаются с дня проведения: с 21.04.2026 00:00 по местному времени (01:00 МСК).',
    );
  });

  it('начатая форма закрыта по сроку, даже если часы этого компьютера отстают', () => {
    const before = Date.parse('2026-04-19T10:00:00Z');
    expect(closedReason({ ...status, state: 'submitted' }, before)).toMatch(/^Срок загрузки результатов истёк/);
    expect(closedReason({ ...status, state: 'in_progress' }, before)).toMatch(/^Срок загрузки результатов истёк/);
    expect(closedReason({ ...status, openUntil: '2026-04-26T20:00:00Z' }, before)).toMatch(/истёк/);
  });

  it('после срока отсылает к координатору, открытая форма причины не имеет', () => {
    const text = closedReason(status, Date.parse('2026-04-25T10:00:00Z'));
    expect(text).toMatch(/^Срок загрузки результатов истёк 24\.04\.2026 22:00 по местному времени \(23:00 МСК\)/);
    expect(text).toContain('координатора');
    expect(closedReason({ ...status, open: true }, Date.parse('2026-04-25T10:00:00Z'))).toBeNull();
  });

  it('называет лист и ячейку ошибки, а без ячейки — строку', () => {
    const base = { sheet: 'Протокол', row: 5, column: 'Код участника', cell: 'A5', message: 'Кода 40099 нет' };
    expect(issueText(base)).toBe('Лист «Протокол», ячейка A5: Кода 40099 нет');
    expect(issueText({ ...base, cell: null })).toBe('Лист «Протокол», строка 5: Кода 40099 нет');
    expect(issueText({ ...base, sheet: '', cell: null, row: 0, message: 'Файл пуст' })).toBe('Файл пуст');
  });

  it('пишет загрузку с участниками и отсутствовавшими по местному и московскому времени', () => {
    const u = { number: 2, source: 'xlsx' as const, submittedAt: '2026-04-25T08:05:00Z', participants: 24, absent: 2 };
    expect(uploadText({ ...u, late: true }, 'Europe/Moscow')).toBe(
      '25.04.2026 11:05 МСК: участников 24, отсутствовали 2',
    );
    expect(uploadText({ ...u, late: false }, 'Asia/Krasnoyarsk')).toBe(
      '25.04.2026 15:05 по местному времени (11:05 МСК): участников 24, отсутствовали 2',
    );
  });

  it('берёт время сервера из ответа, когда оно там есть', () => {
    expect(answerNow({ now: '2026-04-25T10:00:00Z', subjects: [] })).toBe(Date.parse('2026-04-25T10:00:00Z'));
    const before = Date.now();
    const fallback = answerNow({ subjects: [] });
    expect(fallback).toBeGreaterThanOrEqual(before);
    expect(fallback).toBeLessThanOrEqual(Date.now());
  });
});
