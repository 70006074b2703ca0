import { useEffect, useState } from 'react';
import type { Publication, Section } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/access';
import { Empty, Loaded, usePageTitle } from '../components/states';
import { Link } from '../router';
import { PublicationCard } from './PublicationCard';
import { publicationAnchor, sectionPage } from './sections';

/** The publication a link asked for (/vpr#pub-<id>) opens by itself. */
function wantedPublication(): string | null {
  const m = /^#pub-([0-9a-f-]{36})$/i.exec(window.location.hash);
  return m?.[1] ?? null;
}

/** «ВПР», «ВПР СПО», «Итоговое собеседование»: the publications addressed to the account, newest first. */
export function SectionPage({ section }: { section: Section }) {
  const page = sectionPage(section);
  usePageTitle(page.title);
  const me = useMe();
  const pubs = useResource<Publication[]>(`/api/publications?section=${section}`);
  const [wanted] = useState(wantedPublication);

  useEffect(() => {
    if (!wanted || !pubs.data) return;
    document.getElementById(publicationAnchor(wanted))?.scrollIntoView({ block: 'start' });
  }, [wanted, pubs.data]);

  return (
    <div className="page-wide">
      <div className="page-head">
        <h1>{page.title}</h1>
        {can(me, 'publication.write') && (
          <Link to={`/publications/new?section=${section}`} className="btn btn-primary">
            Создать публикацию
          </Link>
        )}
      </div>
      <p className="lead">
        Нажмите на заголовок публикации, чтобы открыть её: общая информация, хранилище файлов и сбор данных.
      </p>
      <Loaded res={pubs} what="публикации">
        {(list) =>
          list.length === 0 ? (
            <Empty>В этом разделе пока нет публикаций для вас.</Empty>
          ) : (
            <div className="pub-list">
              {[...list]
                .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
                .map((p) => (
                  <PublicationCard key={p.id} pub={p} initiallyOpen={wanted === p.id} onChanged={pubs.reload} />
                ))}
            </div>
          )
        }
      </Loaded>
    </div>
  );
}
