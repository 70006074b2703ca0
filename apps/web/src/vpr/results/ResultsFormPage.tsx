import { useMemo, useRef, useState, type MouseEvent } from 'react';
import type { FormData, ResultsView, SaveResult, SubmitResult } from '@oko/shared';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { Loaded, Loading, usePageTitle } from '../../components/states';
import { FormEditor, type EditorEndpoints, type EditorHandle } from '../../forms/FormEditor';
import { Link, navigate } from '../../router';
import { calendarDateText, momentText } from '../time';
import { subjectTitle } from '../words';
import { RESULTS_PATH, SCHOOL_ANALYTICS_PATH, resultsApi } from './access';
import { codeCheck } from './code-check';
import { answerNow, closedReason, deadlineText } from './results-words';
import { ResultsState } from './ResultsState';
import { UploadsList } from './UploadsList';
import { useResultsUpload } from './useResultsUpload';
import '../../forms/editor.css';
import '../vpr.css';

/** /vpr/results/:subjectId — the ОО types its results into the form's table, with autosave, and submits them. */
export function ResultsFormPage({ subjectId }: { subjectId: string }) {
  const res = useResource<ResultsView>(resultsApi(subjectId));
  usePageTitle(res.data ? `Результаты ВПР: ${subjectTitle(res.data.status)}` : 'Результаты ВПР');
  return (
    <div className="page-wide vpr collection-page">
      <p className="crumbs">
        <Link to="/">Главная</Link> › <Link to={RESULTS_PATH}>Результаты ВПР</Link>
        {res.data && ` › ${subjectTitle(res.data.status)}`}
      </p>
      <Loaded res={res} what="форма результатов">
        {(view) => <ResultsFormScreen view={view} reload={res.reload} />}
      </Loaded>
    </div>
  );
}

function ResultsFormScreen({ view, reload }: { view: ResultsView; reload: () => void }) {
  const { status, template } = view;
  const subjectId = status.subjectId;
  const handle = useRef<EditorHandle | null>(null);
  // an accepted file replaces the table: the editor starts again from the server's data once it has arrived
  const [uploadedVersion, setUploadedVersion] = useState<number | null>(null);
  // the first autosave makes a started form «Заполняется» without waiting for a reload
  const [saved, setSaved] = useState(false);
  const shown = saved && status.state === 'not_started' ? { ...status, state: 'in_progress' as const } : status;
  const cellCheck = useMemo(() => codeCheck(new Set(view.codes), status.grade), [view.codes, status.grade]);
  const endpoints = useMemo<EditorEndpoints>(
    () => ({
      save: async (data: FormData, version: number) => {
        const result = await api.put<SaveResult>(`${resultsApi(subjectId)}/entry`, { data, version });
        setSaved(true);
        return result;
      },
      submit: (version: number) => api.post<SubmitResult>(`${resultsApi(subjectId)}/submit`, { version }),
    }),
    [subjectId],
  );
  const reason = closedReason(status, answerNow(view));
  const flush = () => handle.current?.flush() ?? Promise.resolve(true);
  const upload = useResultsUpload({
    subjectId,
    disabledReason: reason,
    beforeUpload: flush,
    onUploaded: (r) => {
      handle.current?.stop();
      setUploadedVersion(r.version);
      reload();
    },
  });
  const waiting = uploadedVersion !== null && (view.entry?.version ?? 0) < uploadedVersion;
  const download = async (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    await flush();
    window.location.assign(`${resultsApi(subjectId)}/form.xlsx`);
  };

  return (
    <>
      <div className="collection-head">
        <h1>Результаты ВПР: {subjectTitle(status)}</h1>
        <dl className="collection-facts">
          <div>
            <dt>Дата проведения</dt>
            <dd>{calendarDateText(status.testDate)}</dd>
          </div>
          <div>
            <dt>Срок загрузки</dt>
            <dd>
              до {deadlineText(status)}
              {status.openUntil && (
                <span className="muted">
                  {' '}
                  (для вашей ОО разрешено до {momentText(new Date(status.openUntil), status.zone)})
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>Состояние</dt>
            <dd>
              <ResultsState status={shown} />
            </dd>
          </div>
        </dl>
      </div>

      {template.instruction && (
        <details className="collection-instruction" open={!view.entry && reason === null}>
          <summary>Инструкция по заполнению</summary>
          <p>{template.instruction}</p>
        </details>
      )}

      {waiting ? (
        <Loading text="Файл принят, загружаем принятые данные…" />
      ) : (
        <FormEditor
          key={`v${uploadedVersion ?? 0}`}
          collectionId={`vpr-results-${subjectId}`}
          endpoints={endpoints}
          cellCheck={cellCheck}
          submitLabel={{ idle: 'Сдать результаты', busy: 'Сдаём результаты…' }}
          submittedWords={{
            done: 'Результаты сданы.',
            again: 'Их можно исправить и сдать снова до срока загрузки: новая сдача заменит прежнюю.',
            back: 'К результатам ВПР',
          }}
          template={template}
          data={view.entry?.data ?? null}
          version={view.entry?.version ?? 0}
          attributes={null}
          timeZone={status.zone}
          readOnlyReason={reason}
          onSubmitted={reload}
          onClose={() => navigate(RESULTS_PATH)}
          handle={handle}
        />
      )}

      <section className="panel xlsx-panel" aria-labelledby="results-xlsx-title">
        <h2 id="results-xlsx-title">Форма в Excel</h2>
        <p className="muted">
          Форму с уже внесёнными данными можно скачать, заполнить в Excel или LibreOffice и загрузить обратно: файл
          проверяется по тем же правилам, что и таблица на странице, и при успешной проверке результаты считаются
          сданными (данные в таблице заменятся данными файла).
        </p>
        <div className="button-row">
          <a className="btn" href={`${resultsApi(subjectId)}/form.xlsx`} onClick={(e) => void download(e)} download>
            Скачать форму (XLSX)
          </a>
          {upload.button}
        </div>
        {upload.outcome}
      </section>

      <UploadsList uploads={view.uploads} zone={status.zone} />
      <p>
        <Link to={SCHOOL_ANALYTICS_PATH}>Аналитика по сданным результатам</Link>
      </p>
    </>
  );
}
