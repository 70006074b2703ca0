// The results of ВПР in the words an ОО reads: the window, the state of a subject, an issue of a refused file.
import type { FormIssue, ResultsState, ResultsSubjectStatus, ResultsUpload } from '@oko/shared';
import { momentText, wallClockText } from '../time';

/** «до 24.04.2026 01:00 по местному времени (23:00 МСК, 23.04.2026)» — the server's moment words. */
export const deadlineText = (s: Pick<ResultsSubjectStatus, 'deadline' | 'zone'>): string =>
  momentText(new Date(s.deadline), s.zone);

/**
 * Why the form takes nothing now, in the server's words (RESULTS_NOT_YET_OPEN / RESULTS_CLOSED); null while open.
 * The server decides `open` by its own clock, which the answer does not carry. Nothing can be saved before the
 * window opens and an exception keeps it open until it ends, so a started form or an exception means «over»;
 * otherwise this computer's clock tells «not yet» from «over» at the middle of the window, far from both ends.
 */
export function closedReason(s: ResultsSubjectStatus, now = Date.now()): string | null {
  if (s.open) return null;
  const middle = (Date.parse(s.opensAt) + Date.parse(s.deadline)) / 2;
  const over = s.state !== 'not_started' || s.openUntil !== null || now >= middle;
  if (!over) return `Результаты принимаются с дня проведения: с ${momentText(new Date(s.opensAt), s.zone)}.`;
  return (
    `Срок загрузки результатов истёк ${deadlineText(s)}. Загрузить результаты после срока можно только с ` +
    'разрешения координатора: обратитесь к муниципальному или региональному координатору.'
  );
}

/**
 * The server's clock if its answer carries `now` (the contract of MyResults / ResultsView may grow one, as «Ход ВПР»
 * has), else this computer's: it only has to tell «not yet» from «over» in closedReason.
 */
export function answerNow(answer: object): number {
  const now = 'now' in answer && typeof answer.now === 'string' ? Date.parse(answer.now) : Number.NaN;
  return Number.isNaN(now) ? Date.now() : now;
}

export const STATE_BADGE: Record<ResultsState, string> = {
  not_started: 'badge',
  in_progress: 'badge badge-warn',
  submitted: 'badge badge-ok',
};

/** «21.04.2026 14:05 по местному времени (…): участников 24, отсутствовали 2» (lateness is a badge of its own). */
export function uploadText(u: ResultsUpload, zone: string): string {
  return `${momentText(new Date(u.submittedAt), zone)}: участников ${u.participants}, отсутствовали ${u.absent}`;
}

export const sourceWord = (source: ResultsUpload['source']): string =>
  source === 'online' ? 'Заполнено на сайте' : 'Файл XLSX';

/** «Лист «Протокол», ячейка C5: …» — where a refused file must be fixed. */
export function issueText(i: FormIssue): string {
  const place = i.cell ? `ячейка ${i.cell}` : i.row > 0 ? `строка ${i.row}` : null;
  if (!i.sheet) return place ? `${place[0]!.toUpperCase()}${place.slice(1)}: ${i.message}` : i.message;
  return `Лист «${i.sheet}»${place ? `, ${place}` : ''}: ${i.message}`;
}

/** A time of the ОО without the Moscow part, where the deadline line already names the zone. */
export const localStamp = (iso: string, zone: string): string => wallClockText(new Date(iso), zone);
