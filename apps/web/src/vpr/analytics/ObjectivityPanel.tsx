import type { ObjectivityReport } from '@oko/shared';
import { useResource } from '../../api/useResource';
import { Empty, ErrorBox, Loading } from '../../components/states';
import { stamp } from '../../forms/time';

/**
 * «Объективность»: the ОО of the zone whose results look doubtful by a stated rule — each with the rule, what was
 * measured and how many pupils wrote the work, so the coordinator judges the numbers rather than a verdict.
 */
export function ObjectivityPanel(props: { base: string; timeZone: string }) {
  const res = useResource<ObjectivityReport>(`${props.base}/analytics/objectivity`);
  const data = res.data;
  return (
    <section className="panel report-objectivity" aria-labelledby="objectivity-title" data-testid="objectivity">
      <div className="page-head">
        <h2 id="objectivity-title">Объективность</h2>
        <button type="button" className="btn btn-small" onClick={res.reload} disabled={res.loading}>
          {res.loading ? 'Обновление…' : 'Обновить'}
        </button>
      </div>
      {res.error && <ErrorBox error={res.error} onRetry={res.reload} />}
      {!data && !res.error && <Loading text="Загрузка: признаки необъективности…" />}
      {data && (
        <>
          <p className="muted">
            Проверено ОО: {data.orgsChecked}. Рассчитано: {stamp(data.computedAt, props.timeZone)}. Признак — повод
            посмотреть на результаты ОО внимательнее, а не вывод о нарушении.
          </p>
          {data.signals.length === 0 ? (
            <Empty>Признаков необъективности не найдено.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="objectivity-signals">
                <thead>
                  <tr>
                    <th>ОО</th>
                    <th>Правило</th>
                    <th>Что измерено</th>
                    <th className="num">Участников</th>
                  </tr>
                </thead>
                <tbody>
                  {data.signals.map((s) => (
                    <tr key={`${s.orgId}-${s.rule}`}>
                      <td>{s.label}</td>
                      <td className="report-wrap">{s.ruleText}</td>
                      <td className="report-wrap">{s.evidence}</td>
                      <td className="num">{s.participants}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
