import type { Publication } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { can, isOrgRole } from '../auth/access';
import { ErrorBox, Loading } from '../components/states';
import { Link } from '../router';
import { publicationAnchor, sectionPage } from './sections';
import type { CollectionSummary } from './types';
import { entryStateBadge, entryStateWord } from './words';
import { formatDate } from './zonedTime';

const LATEST = 5;

/** «Актуальное» on the home page: the newest publications and the data collections open now. */
export function ActualPanel() {
  const me = useMe();
  const tz = me.organization.timeZone;
  const forOrg = isOrgRole(me.role);
  const pubs = useResource<Publication[]>(can(me, 'publication.read') ? '/api/publications' : null);
  const seesCollections = can(me, 'collection.fill') || can(me, 'collection.monitor');
  const collections = useResource<CollectionSummary[]>(seesCollections ? '/api/collections' : null);
  if (!can(me, 'publication.read') && !seesCollections) return null;

  const latest = [...(pubs.data ?? [])].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, LATEST);
  const open = (collections.data ?? []).filter((c) => c.status === 'open');

  return (
    <section className="panel actual" aria-labelledby="actual-title">
      <h2 id="actual-title">Актуальное</h2>
      <div className="actual-columns">
        <div>
          <div className="part-title">Новые публикации</div>
          {pubs.error && <ErrorBox error={pubs.error} onRetry={pubs.reload} />}
          {!pubs.data && !pubs.error && <Loading />}
          {pubs.data && latest.length === 0 && <p className="empty">Публикаций для вас пока нет.</p>}
          <ul className="actual-list">
            {latest.map((p) => {
              const page = sectionPage(p.section);
              return (
                <li key={p.id}>
                  <span className="muted small">
                    {formatDate(p.publishedAt, tz)} · {page.title}
                  </span>
                  <Link to={`${page.path}#${publicationAnchor(p.id)}`}>{p.title}</Link>
                </li>
              );
            })}
          </ul>
        </div>
        {seesCollections && (
          <div>
            <div className="part-title">Сбор данных открыт</div>
            {collections.error && <ErrorBox error={collections.error} onRetry={collections.reload} />}
            {!collections.data && !collections.error && <Loading />}
            {collections.data && open.length === 0 && <p className="empty">Открытых сборов данных сейчас нет.</p>}
            <ul className="actual-list">
              {open.map((c) => (
                <li key={c.id}>
                  <span className="muted small">до {formatDate(c.closesAt, tz)}</span>
                  <span className="actual-row">
                    {forOrg ? (
                      <Link to={`/collections/${c.id}`}>{c.title}</Link>
                    ) : (
                      <Link to={`/collections/${c.id}/monitor`}>{c.title}</Link>
                    )}
                    {c.state && <span className={entryStateBadge(c.state)}>{entryStateWord(c.state)}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
