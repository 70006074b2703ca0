import type { ResultsUpload } from '@oko/shared';
import { Empty } from '../../components/states';
import { localStamp, sourceWord } from './results-words';

/** Every accepted submission, newest first: the last one is the ОО's results. */
export function UploadsList({ uploads, zone }: { uploads: readonly ResultsUpload[]; zone: string }) {
  const list = [...uploads].sort((a, b) => b.number - a.number);
  return (
    <section className="section results-uploads" aria-labelledby="results-uploads-title">
      <h2 id="results-uploads-title">Версии (сданные результаты)</h2>
      {list.length === 0 ? (
        <Empty>Результаты ещё не сдавались.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="results-uploads">
            <thead>
              <tr>
                <th className="num">№</th>
                <th>Способ</th>
                <th>Сдано (местное время)</th>
                <th className="num">Участников</th>
                <th className="num">Отсутствовали</th>
                <th>Срок</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u, i) => (
                <tr key={u.number}>
                  <td className="num">{u.number}</td>
                  <td>
                    {sourceWord(u.source)}
                    {i === 0 && <span className="badge badge-ok results-current">действующая</span>}
                  </td>
                  <td className="nowrap">{localStamp(u.submittedAt, zone)}</td>
                  <td className="num">{u.participants}</td>
                  <td className="num">{u.absent}</td>
                  <td>{u.late ? <span className="badge badge-warn">после срока</span> : 'в срок'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
