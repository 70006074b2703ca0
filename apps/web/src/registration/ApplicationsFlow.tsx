import type { ApplicationCollection, ApplicationLine, ApplicationPreview, ApplicationSchoolChange } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { DateTime } from '../components/DateTime';
import { Empty, Loaded } from '../components/states';
import { Link } from '../router';
import { AppliedNotice } from './AppliedNotice';
import { ApplyBar } from './ApplyBar';
import { PreviewErrors } from './PreviewErrors';
import { usePreviewApply } from './usePreviewApply';
import { XlsxUpload } from './XlsxUpload';
import { PreviewTable } from './PreviewTable';

/** the answer of POST /api/applications/:id/apply (ApplicationApplyResult in @oko/shared) */
interface ApplyAnswer {
  confirmed: number;
  message: string;
}

const KIND: Record<ApplicationSchoolChange['kind'], { title: string; row: string }> = {
  confirm: { title: 'Подтвердить как сдано', row: 'row-added' },
  correct: { title: 'Подтвердить с исправлениями', row: 'row-changed' },
  withdraw: { title: 'Снять с участия', row: 'row-closed' },
  same: { title: 'Уже подтверждена так', row: '' },
};

export const lineText = (l: ApplicationLine) =>
  `${l.grade} кл. · ${l.subject} · ${l.participants} уч.${l.classes ? ` (${l.classes} кл.)` : ''}`;

/** Заявки: progress of the schools, the consolidated regional file, its upload, preview and confirmation. */
export function ApplicationsFlow({ query }: { query: string }) {
  const list = useResource<{ collections: ApplicationCollection[] }>(`/api/applications${query}`);
  return (
    <section className="panel flow" aria-labelledby="applications-title">
      <h2 id="applications-title">Заявки на участие в ВПР</h2>
      <p className="muted">
        Школы заполняют заявку в кабинете или файлом. Скачайте сводный файл региона — в нём все ОО, и те, кто заявку не
        заполнил, — подтвердите или исправьте строки и загрузите файл: школы увидят подтверждённые данные.
      </p>
      <Loaded res={list} what="сборы заявок">
        {(d) =>
          d.collections.length === 0 ? (
            <Empty>Сборов заявок пока нет.</Empty>
          ) : (
            d.collections.map((c) => (
              <ApplicationCollectionBlock key={c.id} c={c} query={query} onChange={list.reload} />
            ))
          )
        }
      </Loaded>
    </section>
  );
}

function ApplicationCollectionBlock(props: { c: ApplicationCollection; query: string; onChange: () => void }) {
  const { c, query } = props;
  const me = useMe();
  const flow = usePreviewApply<ApplicationPreview, ApplyAnswer>(() => props.onChange());
  const { preview } = flow;
  const p = c.progress;
  return (
    <div className="reg-preview" data-testid="application-collection">
      <h3>{c.title}</h3>
      <p className="small">
        {c.status === 'open' ? 'Открыт' : 'Закрыт'}: с <DateTime iso={c.opensAt} timeZone={me.organization.timeZone} />{' '}
        по <DateTime iso={c.closesAt} timeZone={me.organization.timeZone} />
      </p>
      <ul className="flow-facts" aria-label="Ход заполнения заявок">
        <li>
          всего ОО: <b>{p.total}</b>
        </li>
        <li>
          не приступили: <b>{p.notStarted}</b>
        </li>
        <li>
          в работе: <b>{p.inProgress}</b>
        </li>
        <li>
          сдали: <b>{p.submitted}</b>
        </li>
        <li>
          подтверждено: <b data-testid="confirmed-count">{p.confirmed}</b>
        </li>
      </ul>
      <div className="button-row">
        <a
          className="btn"
          href={`/api/applications/${c.id}/consolidated${query}`}
          download
          data-testid="consolidated-download"
        >
          Скачать сводный файл (XLSX)
        </a>
        <Link className="btn" to={`/collections/${c.id}/monitor`}>
          Мониторинг по школам
        </Link>
      </div>
      {flow.applied && <AppliedNotice message={flow.applied.message} />}
      <XlsxUpload<ApplicationPreview>
        url={`/api/applications/${c.id}/preview${query}`}
        label="Загрузить сводный файл"
        testId="consolidated-upload"
        {...flow.uploadProps}
      />
      {preview && (
        <div role="region" aria-label="Предварительный просмотр заявок">
          <h4>Предварительный просмотр: ничего ещё не подтверждено</h4>
          <ul className="reg-preview-counts">
            <li className="count-added">подтвердить как сдано: {preview.counts.confirm}</li>
            <li className="count-changed">с исправлениями: {preview.counts.correct}</li>
            <li className="count-closed">снять с участия: {preview.counts.withdraw}</li>
            <li>без изменений: {preview.counts.same}</li>
            <li>без заявки (пропущены): {preview.counts.skipped}</li>
          </ul>
          <PreviewErrors errors={preview.errors} />
          <SchoolsTable schools={preview.schools.filter((s) => s.kind !== 'same')} />
          <ApplyBar<ApplyAnswer>
            url={`/api/applications/${c.id}/apply`}
            previewId={preview.previewId}
            canApply={preview.canApply}
            title="Подтвердить заявки"
            summary={
              <p>
                Будут подтверждены заявки ОО: {preview.counts.confirm + preview.counts.correct}, снято с участия:{' '}
                {preview.counts.withdraw}. Школы увидят подтверждённые данные в своём кабинете.
              </p>
            }
            {...flow.applyProps}
          />
        </div>
      )}
    </div>
  );
}

function SchoolsTable({ schools }: { schools: ApplicationSchoolChange[] }) {
  if (schools.length === 0) return <p className="muted">Изменений нет: все заявки уже подтверждены в этом виде.</p>;
  return (
    <PreviewTable
      label="Изменения заявок"
      columns={['Строка файла', 'ОО', 'Что произойдёт', 'Было (сдано или подтверждено)', 'Станет']}
    >
      {schools.map((s) => (
        <tr key={s.orgId} className={KIND[s.kind].row}>
          <td>{s.row}</td>
          <td>
            <span className="mono">{s.login}</span> {s.name}
          </td>
          <td>{KIND[s.kind].title}</td>
          <td>
            <Lines lines={s.before} />
          </td>
          <td>
            <Lines lines={s.after} />
          </td>
        </tr>
      ))}
    </PreviewTable>
  );
}

function Lines({ lines }: { lines: ApplicationLine[] }) {
  if (lines.length === 0) return <span className="muted">нет строк</span>;
  return (
    <ul className="field-changes">
      {lines.map((l) => (
        <li key={`${l.grade}-${l.subject}`}>{lineText(l)}</li>
      ))}
    </ul>
  );
}
