import type { CollectionView, ColumnDef } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { DateTime } from '../components/DateTime';
import { Empty, Loaded, usePageTitle } from '../components/states';
import { entryStateBadge, entryStateWord } from '../publications/words';
import { Link } from '../router';
import { cellText, sheetRows } from './readonlyCells';

const numeric = (c: ColumnDef) => c.kind === 'integer' || c.kind === 'decimal' || c.kind === 'computed';

function stateOf(view: CollectionView) {
  if (!view.entry) return 'not_started' as const;
  return view.entry.submittedAt ? ('submitted' as const) : ('in_progress' as const);
}

/** What one ОО entered, read-only, sheet after sheet — the coordinator's «view data». */
export function OrgDataPage({ collectionId, orgId }: { collectionId: string; orgId: string }) {
  const me = useMe();
  const tz = me.organization.timeZone;
  const view = useResource<CollectionView>(`/api/collections/${collectionId}/orgs/${orgId}`);
  usePageTitle(view.data ? `${view.data.org.login}: ${view.data.title}` : 'Данные ОО');
  const back = `/collections/${collectionId}/monitor`;

  return (
    <div className="page-wide">
      <p className="crumbs">
        <Link to="/">Главная</Link> › <Link to={back}>Мониторинг</Link> › Данные ОО
      </p>
      <Loaded res={view} what="данные ОО">
        {(v) => {
          const state = stateOf(v);
          return (
            <>
              <div className="page-head">
                <h1>
                  {v.org.name} <span className="muted mono">({v.org.login})</span>
                </h1>
                <Link to={back} className="btn">
                  Закрыть
                </Link>
              </div>
              <p className="lead">{v.title}. Данные только для просмотра.</p>
              <dl className="details panel">
                <dt>Статус</dt>
                <dd>
                  <span className={entryStateBadge(state)}>{entryStateWord(state)}</span>
                </dd>
                <dt>Дата начала работы</dt>
                <dd>
                  <DateTime iso={v.entry?.startedAt ?? null} timeZone={tz} />
                </dd>
                <dt>Последнее изменение</dt>
                <dd>
                  <DateTime iso={v.entry?.updatedAt ?? null} timeZone={tz} />
                </dd>
                <dt>Дата подачи</dt>
                <dd>
                  <DateTime iso={v.entry?.submittedAt ?? null} timeZone={tz} />
                  {v.entry && v.entry.submissions > 1 && (
                    <span className="muted small"> (сдавалась {v.entry.submissions} раз)</span>
                  )}
                </dd>
              </dl>
              {!v.entry ? (
                <Empty>ОО ещё не приступила к заполнению.</Empty>
              ) : (
                v.template.sheets.map((sheet) => {
                  const rows = sheetRows(sheet, v.entry?.data[sheet.key] ?? []);
                  const fixed = sheet.rows.mode === 'fixed' ? sheet.rows.labelTitle : null;
                  return (
                    <section key={sheet.key} className="section">
                      <h2>{sheet.title}</h2>
                      {rows.length === 0 ? (
                        <Empty>Лист не заполнен.</Empty>
                      ) : (
                        <div className="table-wrap">
                          <table className="table table-data" aria-label={`Лист «${sheet.title}»`}>
                            <thead>
                              <tr>
                                <th className="num">№</th>
                                {fixed !== null && <th>{fixed}</th>}
                                {sheet.columns.map((c) => (
                                  <th key={c.key} title={c.hint} className={numeric(c) ? 'num' : undefined}>
                                    {c.title}
                                  </th>
                                ))}
                              </tr>
                            </thead>
                            <tbody>
                              {rows.map((r, i) => (
                                <tr key={i}>
                                  <td className="num muted">{i + 1}</td>
                                  {fixed !== null && <td>{r.label}</td>}
                                  {sheet.columns.map((c) => (
                                    <td key={c.key} className={numeric(c) ? 'num' : undefined}>
                                      {cellText(c, r.row)}
                                    </td>
                                  ))}
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      )}
                    </section>
                  );
                })
              )}
              <div className="button-row">
                <Link to={back} className="btn">
                  Закрыть
                </Link>
              </div>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
