import type { CollectionBlock } from '@oko/shared';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/access';
import { DateTime } from '../components/DateTime';
import { Link } from '../router';
import { Interval } from './Interval';
import { collectionStatusWord, entryStateBadge, entryStateWord } from './words';

/** «Сбор данных»: open or closed, when, how far this ОО got, and the way into the table (or the monitoring). */
export function CollectionBlockView({ block }: { block: CollectionBlock }) {
  const me = useMe();
  const tz = me.organization.timeZone;
  const { entry } = block;
  const headingId = `collection-${block.id}`;
  const action = !entry
    ? null
    : block.status === 'open'
      ? entry.state === 'not_started'
        ? 'Заполнить'
        : 'Редактировать'
      : entry.state === 'not_started'
        ? null
        : 'Просмотреть';

  return (
    <section className="collection" aria-labelledby={headingId}>
      <h4 id={headingId}>{block.title}</h4>
      <dl className="details details-compact">
        <dt>Статус</dt>
        <dd>
          <span className={block.status === 'open' ? 'badge badge-ok' : 'badge'}>
            {collectionStatusWord(block.status)}
          </span>
        </dd>
        <dt>Сроки сбора</dt>
        <dd>
          <Interval from={block.opensAt} to={block.closesAt} timeZone={tz} />
        </dd>
        {entry && (
          <>
            <dt>Состояние</dt>
            <dd>
              <span className={entryStateBadge(entry.state)}>{entryStateWord(entry.state)}</span>
            </dd>
            <dt>Последняя передача данных</dt>
            <dd>
              {entry.lastSubmittedAt ? (
                <DateTime iso={entry.lastSubmittedAt} timeZone={tz} />
              ) : (
                <span className="muted">данные ещё не сданы</span>
              )}
            </dd>
          </>
        )}
      </dl>
      <div className="button-row">
        {action && (
          <Link to={`/collections/${block.id}`} className="btn btn-primary">
            {action}
          </Link>
        )}
        {entry && block.status === 'closed' && entry.state === 'not_started' && (
          <span className="muted">Сбор данных закрыт. Если нужно внести данные, обратитесь к координатору.</span>
        )}
        {can(me, 'collection.monitor') && (
          <Link to={`/collections/${block.id}/monitor`} className="btn">
            Мониторинг
          </Link>
        )}
      </div>
    </section>
  );
}
