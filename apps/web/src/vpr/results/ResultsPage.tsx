import type { MyResults } from '@oko/shared';
import { useResource } from '../../api/useResource';
import { Empty, Loaded, usePageTitle } from '../../components/states';
import { Link } from '../../router';
import { SCHOOL_ANALYTICS_PATH } from './access';
import { answerNow } from './results-words';
import { ResultsCard } from './ResultsCard';
import '../vpr.css';

/** «Результаты ВПР» of an ОО: a card per subject of its plan-schedule. */
export function ResultsPage() {
  usePageTitle('Результаты ВПР');
  const res = useResource<MyResults>('/api/vpr/results');
  return (
    <div className="page-wide vpr">
      <p className="crumbs">
        <Link to="/">Главная</Link> › Результаты ВПР
      </p>
      <div className="page-head">
        <h1>Результаты ВПР</h1>
        <div className="button-row">
          <Link to={SCHOOL_ANALYTICS_PATH} className="btn">
            Аналитика
          </Link>
        </div>
      </div>
      <p className="note">
        Результаты каждого предмета можно внести в таблицу на сайте или скачать форму, заполнить её в Excel или
        LibreOffice и загрузить обратно. Форма проверяется целиком; повторная загрузка заменяет прежние данные. Коды
        участников — из выданного вашей ОО списка, ФИО в форму не вносятся.
      </p>
      <Loaded res={res} what="формы результатов">
        {(data) =>
          data.subjects.length === 0 ? (
            <Empty>В план-графике вашей ОО пока нет ни одного предмета.</Empty>
          ) : (
            <div className="vpr-subjects">
              {[...data.subjects]
                .sort(
                  (a, b) => a.testDate.localeCompare(b.testDate) || a.grade - b.grade || a.name.localeCompare(b.name),
                )
                .map((s) => (
                  <ResultsCard key={s.subjectId} status={s} now={answerNow(data)} onChanged={res.reload} />
                ))}
            </div>
          )
        }
      </Loaded>
    </div>
  );
}
