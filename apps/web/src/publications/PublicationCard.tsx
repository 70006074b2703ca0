import { useState } from 'react';
import type { Publication } from '@oko/shared';
import { useMe } from '../auth/AuthContext';
import { AuthorTools } from './AuthorTools';
import { CollectionBlockView } from './CollectionBlockView';
import { Markup } from './Markup';
import { publicationAnchor } from './sections';
import { StorageBlock } from './StorageBlock';
import { formatDate } from './zonedTime';

function Chevron() {
  return (
    <svg className="pub-chevron" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M7.41 8.59 12 13.17l4.59-4.58L18 10l-6 6-6-6z" />
    </svg>
  );
}

/** A publication: collapsed to its title and date; opened, its three blocks — text, files, data collection. */
export function PublicationCard({
  pub,
  initiallyOpen,
  onChanged,
}: {
  pub: Publication;
  initiallyOpen: boolean;
  onChanged: () => void;
}) {
  const me = useMe();
  const [open, setOpen] = useState(initiallyOpen);
  const bodyId = `${publicationAnchor(pub.id)}-body`;
  return (
    <article className={open ? 'pub pub-open' : 'pub'} id={publicationAnchor(pub.id)}>
      <h2 className="pub-heading">
        <button
          type="button"
          className="pub-head"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span className="pub-title">{pub.title}</span>
          <span className="pub-date">
            {pub.authorRegionCode && <span className="badge badge-info">регион {pub.authorRegionCode}</span>}
            {formatDate(pub.publishedAt, me.organization.timeZone)}
          </span>
          <Chevron />
        </button>
      </h2>
      {open && (
        <div className="pub-body" id={bodyId}>
          <section className="pub-block">
            <h3>Общая информация</h3>
            <Markup body={pub.body} />
          </section>
          {(pub.storages.length > 0 || pub.canEdit) && (
            <section className="pub-block">
              <h3>Хранилище файлов</h3>
              {pub.storages.length === 0 && <p className="empty">Хранилищ пока нет.</p>}
              {pub.storages.map((s) => (
                <StorageBlock key={s.id} storage={s} canUpload={pub.canEdit} onChanged={onChanged} />
              ))}
            </section>
          )}
          {pub.collections.length > 0 && (
            <section className="pub-block">
              <h3>Сбор данных</h3>
              {pub.collections.map((c) => (
                <CollectionBlockView key={c.id} block={c} />
              ))}
            </section>
          )}
          {pub.canEdit && <AuthorTools pub={pub} onChanged={onChanged} />}
        </div>
      )}
    </article>
  );
}
