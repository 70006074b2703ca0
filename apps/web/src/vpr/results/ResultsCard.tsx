import { useState } from 'react';
import type { ResultsSubjectStatus, SubmitResult } from '@oko/shared';
import { Link } from '../../router';
import { calendarDateText, momentText } from '../time';
import { subjectTitle } from '../words';
import { resultsApi, resultsFormPath } from './access';
import { closedReason, deadlineText } from './results-words';
import { ResultsState } from './ResultsState';
import { useResultsUpload } from './useResultsUpload';

/**
 * One subject of «Результаты ВПР»: the date, the deadline, where the ОО stands, and the three ways to hand the
 * results in — the XLSX form to download and upload back, or the table on the site.
 */
export function ResultsCard(props: { status: ResultsSubjectStatus; now: number; onChanged: () => void }) {
  const { status: s, onChanged } = props;
  const reason = closedReason(s, props.now);
  const [accepted, setAccepted] = useState<SubmitResult | null>(null);
  const upload = useResultsUpload({
    subjectId: s.subjectId,
    disabledReason: reason,
    onUploaded: (r) => {
      setAccepted(r);
      onChanged();
    },
  });
  const headingId = `results-${s.subjectId}`;
  return (
    <article
      className="vpr-subject results-card"
      aria-labelledby={headingId}
      data-testid={`results-card-${s.code}-${s.grade}`}
    >
      <header className="vpr-subject-head">
        <h2 id={headingId}>{subjectTitle(s)}</h2>
        <span className="vpr-subject-date">
          Дата проведения: <b>{calendarDateText(s.testDate)}</b>
        </span>
      </header>
      <ul className="vpr-rows">
        <li className="vpr-row">
          <span className="vpr-row-title">Срок загрузки</span>
          <div className="vpr-row-state" data-testid="results-deadline">
            до {deadlineText(s)}
          </div>
        </li>
        {s.openUntil && (
          <li className="vpr-row">
            <span className="vpr-row-title">Разрешение координатора</span>
            <div className="vpr-row-state" data-testid="results-exception">
              Загрузка после срока разрешена до {momentText(new Date(s.openUntil), s.zone)}
            </div>
          </li>
        )}
        <li className="vpr-row">
          <span className="vpr-row-title">Состояние</span>
          <div className="vpr-row-state">
            <ResultsState status={s} />
          </div>
        </li>
      </ul>
      {reason && (
        <p className="alert alert-warning results-closed" data-testid="results-closed">
          {reason}
        </p>
      )}
      <div className="button-row results-actions">
        <a className="btn" href={`${resultsApi(s.subjectId)}/form.xlsx`} download data-testid="results-download">
          Скачать форму (XLSX)
        </a>
        {upload.button}
        {reason === null ? (
          <Link to={resultsFormPath(s.subjectId)} className="btn">
            Заполнить на сайте
          </Link>
        ) : (
          <button type="button" className="btn" disabled title={reason}>
            Заполнить на сайте
          </button>
        )}
        {reason !== null && s.state !== 'not_started' && (
          <Link to={resultsFormPath(s.subjectId)} className="btn-link">
            Посмотреть внесённые данные
          </Link>
        )}
      </div>
      {upload.outcome}
      {accepted && (
        <div className="alert alert-success" role="status">
          Файл принят и проверен: результаты сданы (версия {accepted.number}).
        </div>
      )}
    </article>
  );
}
