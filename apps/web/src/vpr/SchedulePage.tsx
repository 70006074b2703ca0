import { useState } from 'react';
import type { CampaignDetail, SchedulePlan, ScheduleSetResult } from '@oko/shared';
import type { RegionList } from '../api/types';
import { api, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/access';
import { FilterBox } from '../components/FilterBox';
import { Empty, ErrorBox, Loaded, Loading, usePageTitle } from '../components/states';
import { useDebounced } from '../publications/useDebounced';
import { useLast } from '../publications/useLast';
import { CampaignHeader } from './CampaignHeader';
import { Pager } from './Pager';
import { SubjectSelect } from './SubjectSelect';
import { calendarDateText } from './time';
import { usePaged } from './usePaged';
import './vpr.css';
import { XlsxUpload } from '../registration/XlsxUpload';

/** «План-график»: the ОО of the coordinator's zone for one subject, their participants and test dates. */
export function SchedulePage({ campaignId }: { campaignId: string }) {
  const res = useResource<CampaignDetail>(`/api/campaigns/${campaignId}`);
  usePageTitle(res.data ? `План-график: ${res.data.title}` : 'План-график');
  return (
    <div className="page-wide vpr">
      <Loaded res={res} what="кампания">
        {(c) => (
          <>
            <CampaignHeader campaign={c} current="schedule" />
            {c.subjects.length === 0 ? <Empty>В кампании пока нет предметов.</Empty> : <ScheduleView campaign={c} />}
          </>
        )}
      </Loaded>
    </div>
  );
}

function ScheduleView({ campaign }: { campaign: CampaignDetail }) {
  const me = useMe();
  const manage = can(me, 'schedule.manage');
  const federal = can(me, 'region.list');
  const regions = useResource<RegionList>(federal ? '/api/regions' : null);
  const [subjectId, setSubjectId] = useState(campaign.subjects[0]?.id ?? '');
  const [regionCode, setRegionCode] = useState('');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const [page, setPage] = usePaged(`${subjectId}|${regionCode}|${q}`);
  const [note, setNote] = useState<string | null>(null);

  const params = new URLSearchParams({ subjectId, page: String(page) });
  if (q) params.set('search', q);
  if (regionCode) params.set('regionCode', regionCode);
  const plan = useResource<SchedulePlan>(`/api/campaigns/${campaign.id}/schedule?${params.toString()}`);
  const data = useLast(plan.data);
  const fileQuery = new URLSearchParams({ subjectId });
  if (regionCode) fileQuery.set('regionCode', regionCode);

  return (
    <>
      <div className="filters">
        <SubjectSelect id="schedule-subject" subjects={campaign.subjects} value={subjectId} onChange={setSubjectId} />
        {federal && (
          <div className="field">
            <label htmlFor="schedule-region">Регион</label>
            <select id="schedule-region" value={regionCode} onChange={(e) => setRegionCode(e.target.value)}>
              <option value="">Все регионы</option>
              {(regions.data?.regions ?? []).map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code} {r.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {data && (
        <div className="cards monitor-cards">
          <div className="card">
            <div className="card-number" data-testid="schedule-applied">
              {data.totals.applied}
            </div>
            <div>ОО с подтверждённой заявкой</div>
          </div>
          <div className="card card-share-done">
            <div className="card-number" data-testid="schedule-scheduled">
              {data.totals.scheduled}
            </div>
            <div>ОО с назначенной датой</div>
          </div>
          <div className="card">
            <div className="card-number">{data.totals.participants}</div>
            <div>участников по заявкам</div>
          </div>
        </div>
      )}
      {manage && (
        <ScheduleTools
          campaignId={campaign.id}
          subjectId={subjectId}
          regionCode={regionCode}
          fileQuery={fileQuery.toString()}
          onDone={(text) => {
            setNote(text);
            plan.reload();
          }}
        />
      )}
      {note && (
        <div className="alert alert-success" role="status">
          <span>{note}</span>
          <button type="button" className="btn btn-small" onClick={() => setNote(null)}>
            Закрыть
          </button>
        </div>
      )}
      <section className="section" aria-labelledby="schedule-list-title">
        <h2 id="schedule-list-title">Образовательные организации</h2>
        <div className="filters">
          <FilterBox
            id="schedule-q"
            label="Поиск (логин или название ОО)"
            value={query}
            onChange={setQuery}
            found={data?.total}
          />
        </div>
        {plan.error && <ErrorBox error={plan.error} onRetry={plan.reload} />}
        {!data && !plan.error && <Loading text="Загрузка: план-график…" />}
        {data &&
          (data.rows.length === 0 ? (
            <Empty>Под условия отбора не подходит ни одна ОО.</Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table" aria-label="План-график по ОО">
                  <thead>
                    <tr>
                      <th>Логин</th>
                      <th>Организация</th>
                      <th>Муниципалитет</th>
                      <th className="num">Участников</th>
                      <th>Дата проведения</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((r) => (
                      <tr key={r.orgId}>
                        <td className="mono">{r.login}</td>
                        <td>{r.name}</td>
                        <td>{r.municipality}</td>
                        <td className="num">{r.participants ?? <span className="muted">нет заявки</span>}</td>
                        <td className="nowrap">
                          {r.testDate ? (
                            calendarDateText(r.testDate)
                          ) : (
                            <span className="badge badge-warn">не назначена</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                page={data.page}
                total={data.total}
                pageSize={data.pageSize}
                label="Страницы плана-графика"
                onPage={setPage}
              />
            </>
          ))}
      </section>
    </>
  );
}

/** «Назначить дату по заявкам» and the plan-schedule as a file, both ways. */
function ScheduleTools(props: {
  campaignId: string;
  subjectId: string;
  regionCode: string;
  fileQuery: string;
  onDone: (text: string) => void;
}) {
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const assign = async () => {
    if (!date) {
      setError('Выберите дату проведения.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = {
        subjectId: props.subjectId,
        testDate: date,
        ...(props.regionCode ? { regionCode: props.regionCode } : {}),
      };
      const r = await api.post<ScheduleSetResult>(
        `/api/campaigns/${props.campaignId}/schedule/from-applications`,
        body,
      );
      props.onDone(
        r.updated > 0
          ? `Дата ${calendarDateText(date)} назначена ОО: ${r.updated}.`
          : 'Новых ОО без даты не нашлось: у всех ОО с подтверждённой заявкой дата уже назначена.',
      );
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="schedule-tools-title">
      <h2 id="schedule-tools-title">Назначение дат</h2>
      <div className="vpr-tools">
        <div className="vpr-tool">
          <h3>Назначить дату по заявкам</h3>
          <p className="muted small">
            Дата будет назначена всем ОО с подтверждённой заявкой по выбранному предмету, у которых даты ещё нет.
          </p>
          <div className="inline-form">
            <div className="field">
              <label htmlFor="schedule-date">Дата проведения</label>
              <input id="schedule-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void assign()}>
              {busy ? 'Назначаем…' : 'Назначить дату по заявкам'}
            </button>
          </div>
          {error && (
            <div className="alert alert-error" role="alert">
              {error}
            </div>
          )}
        </div>
        <div className="vpr-tool">
          <h3>План-график файлом</h3>
          <p className="muted small">
            Скачайте файл, впишите даты по ОО и предметам и загрузите его. Файл с ошибками не принимается целиком.
          </p>
          <div className="button-row">
            <a
              className="btn"
              href={`/api/campaigns/${props.campaignId}/schedule.xlsx?${props.fileQuery}`}
              download
              data-testid="schedule-download"
            >
              Скачать план-график (XLSX)
            </a>
            <XlsxUpload<ScheduleSetResult>
              secondary
              className="vpr-upload"
              url={`/api/campaigns/${props.campaignId}/schedule/import`}
              label="Загрузить план-график"
              testId="schedule-upload"
              onResult={(r) => props.onDone(`План-график загружен: изменено дат — ${r.updated}.`)}
            />
          </div>
        </div>
      </div>
    </section>
  );
}
