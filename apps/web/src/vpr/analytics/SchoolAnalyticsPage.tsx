import type { MyResults } from '@oko/shared';
import { useResource } from '../../api/useResource';
import { useMe } from '../../auth/AuthContext';
import { Empty, Loaded, usePageTitle } from '../../components/states';
import { Link } from '../../router';
import { subjectTitle } from '../words';
import { RESULTS_PATH } from '../results/access';
import { AnalyticsView } from './AnalyticsView';
import '../vpr.css';

/** «Аналитика» of an ОО: its own results beside its municipality, region and the whole sample. */
export function SchoolAnalyticsPage() {
  usePageTitle('Аналитика ВПР');
  const me = useMe();
  const res = useResource<MyResults>('/api/vpr/results');
  return (
    <div className="page-wide vpr">
      <p className="crumbs">
        <Link to="/">Главная</Link> › <Link to={RESULTS_PATH}>Результаты ВПР</Link> › Аналитика
      </p>
      <h1>Аналитика ВПР</h1>
      <p className="muted">
        Отчёты по результатам вашей ОО в сравнении с муниципалитетом, регионом и всей выборкой. Отчёт строится по
        сданным результатам; каждый можно выгрузить в Excel.
      </p>
      <Loaded res={res} what="предметы">
        {(data) =>
          data.subjects.length === 0 ? (
            <Empty>В план-графике вашей ОО пока нет ни одного предмета.</Empty>
          ) : (
            <AnalyticsView
              subjects={[...data.subjects]
                .sort((a, b) => a.testDate.localeCompare(b.testDate) || a.grade - b.grade)
                .map((s) => ({
                  campaignId: s.campaignId,
                  subjectId: s.subjectId,
                  title: `${subjectTitle(s)} (${s.code})`,
                }))}
              details={[]}
              timeZone={me.organization.timeZone}
              withObjectivity={false}
            />
          )
        }
      </Loaded>
    </div>
  );
}
