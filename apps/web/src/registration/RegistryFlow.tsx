import type { RegistryApplyResult, RegistryOverview, RegistryPreview, RegistryPreviewRow } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { DateTime } from '../components/DateTime';
import { Loaded } from '../components/states';
import { AppliedNotice } from './AppliedNotice';
import { ApplyBar } from './ApplyBar';
import { FieldChanges } from './FieldChanges';
import { PreviewErrors } from './PreviewErrors';
import { usePreviewApply } from './usePreviewApply';
import { XlsxUpload } from './XlsxUpload';
import { PreviewTable } from './PreviewTable';

type Kind = 'added' | 'closed' | 'changed';
const KIND_TITLES: Record<Kind, string> = {
  added: 'Будут добавлены',
  closed: 'Будут закрыты',
  changed: 'Будут изменены',
};

/** Проверка реестра ОО: download the ОО of the scope, upload the edited file, see the preview, apply. */
export function RegistryFlow({ query }: { query: string }) {
  const me = useMe();
  const overview = useResource<RegistryOverview>(`/api/registry${query}`);
  const flow = usePreviewApply<RegistryPreview, RegistryApplyResult>(() => overview.reload());
  const { preview } = flow;

  return (
    <section className="panel flow" aria-labelledby="registry-title">
      <div className="flow-head">
        <h2 id="registry-title">Проверка реестра ОО</h2>
        <a className="btn" href={`/api/registry/file${query}`} download data-testid="registry-download">
          Скачать список ОО (XLSX)
        </a>
      </div>
      <Loaded res={overview} what="список ОО">
        {(o) => (
          <>
            <p className="muted">
              {o.scopeTitle}.{' '}
              {o.level === 'region' ? 'Список всех школ региона с муниципалитетами.' : 'Список школ муниципалитета.'}
            </p>
            <ul className="flow-facts">
              <li>
                действующих ОО: <b>{o.active}</b>
              </li>
              <li>
                закрытых: <b>{o.closed}</b>
              </li>
              <li>
                без логина: <b>{o.withoutAccount}</b>
              </li>
              <li>
                последняя выверка:{' '}
                {o.lastAppliedAt ? (
                  <DateTime iso={o.lastAppliedAt} timeZone={me.organization.timeZone} />
                ) : (
                  'не проводилась'
                )}
              </li>
            </ul>
          </>
        )}
      </Loaded>
      <ol className="flow-steps">
        <li>Скачайте список ОО.</li>
        <li>
          Поставьте статус «закрыта» ОО, прекратившим существование; новые ОО добавьте строками внизу без кода и логина;
          исправьте изменившиеся наименования.
        </li>
        <li>Загрузите файл: вы увидите, что будет добавлено, закрыто и изменено, и подтвердите кнопкой «Применить».</li>
      </ol>
      {flow.applied && (
        <AppliedNotice message={flow.applied.message} issued={flow.applied} onClose={flow.dismissApplied} />
      )}
      <XlsxUpload<RegistryPreview>
        url={`/api/registry/preview${query}`}
        label="Загрузить выверенный список"
        testId="registry-upload"
        {...flow.uploadProps}
      />
      {preview && (
        <div className="reg-preview" role="region" aria-label="Предварительный просмотр выверки">
          <h3>Предварительный просмотр: ничего ещё не изменено</h3>
          <ul className="reg-preview-counts" data-testid="registry-counts">
            <li className="count-added">добавить: {preview.counts.added}</li>
            <li className="count-closed">закрыть: {preview.counts.closed}</li>
            <li className="count-changed">изменить: {preview.counts.changed}</li>
            <li>без изменений: {preview.counts.unchanged}</li>
          </ul>
          <PreviewErrors errors={preview.errors} />
          <ChangesTable preview={preview} />
          {preview.errors.length === 0 && !preview.canApply && (
            <p className="muted">В файле нет изменений: применять нечего.</p>
          )}
          <ApplyBar<RegistryApplyResult>
            url="/api/registry/apply"
            previewId={preview.previewId}
            canApply={preview.canApply}
            title="Применить выверку ОО"
            summary={
              <p>
                Будет добавлено ОО: {preview.counts.added}, закрыто: {preview.counts.closed}, изменено:{' '}
                {preview.counts.changed}. Новым ОО будут выданы логины и пароли — они будут показаны один раз.
              </p>
            }
            {...flow.applyProps}
          />
        </div>
      )}
    </section>
  );
}

function ChangesTable({ preview }: { preview: RegistryPreview }) {
  const rows: [Kind, RegistryPreviewRow][] = [
    ...preview.added.map((r): [Kind, RegistryPreviewRow] => ['added', r]),
    ...preview.closed.map((r): [Kind, RegistryPreviewRow] => ['closed', r]),
    ...preview.changed.map((r): [Kind, RegistryPreviewRow] => ['changed', r]),
  ];
  if (rows.length === 0) return null;
  return (
    <PreviewTable
      label="Изменения реестра ОО"
      columns={['Строка файла', 'Что произойдёт', 'Код ОО', 'Логин', 'ОО', 'Муниципалитет', 'Изменения']}
    >
      {rows.map(([kind, r]) => (
        <tr key={`${kind}-${r.row}`} className={`row-${kind}`}>
          <td>{r.row}</td>
          <td>{KIND_TITLES[kind]}</td>
          <td className="mono">{r.code ?? 'будет присвоен'}</td>
          <td className="mono">{r.login ?? (kind === 'added' ? 'будет выдан' : '—')}</td>
          <td>{r.shortName}</td>
          <td>{r.municipality}</td>
          <td>
            <FieldChanges changes={kind === 'added' ? [] : r.changes} />
          </td>
        </tr>
      ))}
    </PreviewTable>
  );
}
