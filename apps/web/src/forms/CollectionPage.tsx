import { useRef, useState } from 'react';
import type { CollectionView, SubmitResult } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useAuth } from '../auth/AuthContext';
import { Loaded, usePageTitle } from '../components/states';
import { navigate } from '../router';
import { FormEditor, type EditorHandle } from './FormEditor';
import { browserZone, stamp } from './time';
import { XlsxPanel } from './XlsxPanel';
import './editor.css';

/** /collections/:id — an ОО fills a collection online or by XLSX; others see its data read-only. */
export function CollectionPage({ collectionId }: { collectionId: string }) {
  const res = useResource<CollectionView>(`/api/collections/${collectionId}`);
  const { state } = useAuth();
  const timeZone = state.status === 'signed-in' ? state.me.organization.timeZone : browserZone();
  usePageTitle(res.data?.title ?? 'Сбор данных');
  return (
    <div className="collection-page">
      <Loaded res={res} what="форма">
        {(view) => <CollectionScreen view={view} timeZone={timeZone} reload={res.reload} />}
      </Loaded>
    </div>
  );
}

function leave(): void {
  if (window.history.length > 1) window.history.back();
  else navigate('/');
}

function CollectionScreen({ view, timeZone, reload }: { view: CollectionView; timeZone: string; reload: () => void }) {
  const [submittedAt, setSubmittedAt] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<SubmitResult | null>(null);
  const handle = useRef<EditorHandle | null>(null);
  const lastSubmitted = submittedAt ?? view.entry?.submittedAt ?? null;
  const open = view.status === 'open' || view.openUntil !== null;
  const readOnlyReason = view.canEdit
    ? null
    : !open
      ? 'Сбор данных закрыт: таблица открыта только для просмотра.'
      : 'Таблица открыта только для просмотра.';
  const entryKey = `${view.entry?.version ?? 0}:${view.entry?.updatedAt ?? ''}`;

  return (
    <>
      <div className="collection-head">
        <h1>{view.title}</h1>
        <p className="collection-org">
          {view.org.name} <span className="mono">{view.org.login}</span>
        </p>
        <dl className="collection-facts">
          <div>
            <dt>Статус</dt>
            <dd>
              <span className={open ? 'badge badge-ok' : 'badge'}>{open ? 'Открыт' : 'Закрыт'}</span>
            </dd>
          </div>
          <div>
            <dt>Сроки сбора</dt>
            <dd>
              {stamp(view.opensAt, timeZone)} — {stamp(view.closesAt, timeZone)}
              {view.openUntil && (
                <span className="muted"> (для вашей организации продлено до {stamp(view.openUntil, timeZone)})</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Передача данных</dt>
            <dd data-testid="submitted">
              {lastSubmitted ? (
                <strong className="submitted">Сдано {stamp(lastSubmitted, timeZone)}</strong>
              ) : view.entry ? (
                'В работе, ещё не сдано'
              ) : (
                'Не начато'
              )}
            </dd>
          </div>
        </dl>
      </div>

      {uploaded && (
        <div className="alert alert-success" role="status">
          Файл принят и проверен. Сдано {stamp(uploaded.submittedAt, timeZone)}.
        </div>
      )}

      {view.template.instruction && (
        <details className="collection-instruction" open={!view.entry && readOnlyReason === null}>
          <summary>Инструкция по заполнению</summary>
          <p>{view.template.instruction}</p>
        </details>
      )}

      <FormEditor
        key={entryKey}
        collectionId={view.id}
        template={view.template}
        data={view.entry?.data ?? null}
        version={view.entry?.version ?? 0}
        attributes={view.attributes}
        timeZone={timeZone}
        readOnlyReason={readOnlyReason}
        onSubmitted={(r) => setSubmittedAt(r.submittedAt)}
        onClose={leave}
        handle={handle}
      />

      <XlsxPanel
        collectionId={view.id}
        canUpload={readOnlyReason === null}
        beforeDownload={() => handle.current?.flush() ?? Promise.resolve(true)}
        beforeUpload={() => handle.current?.flush() ?? Promise.resolve(true)}
        onUploaded={(r) => {
          handle.current?.stop();
          setUploaded(r);
          setSubmittedAt(r.submittedAt);
          reload();
        }}
      />
    </>
  );
}
