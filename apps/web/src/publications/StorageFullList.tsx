import { useState } from 'react';
import type { FilePage } from '@oko/shared';
import { useResource } from '../api/useResource';
import { FilterBox } from '../components/FilterBox';
import { Empty, ErrorBox, Loading } from '../components/states';
import { FileList } from './FileRow';
import { ALL_FILES_LIMIT, useAllFiles } from './useAllFiles';
import { useDebounced } from './useDebounced';
import { useLast } from './useLast';

const PAGE_SIZE = 20;

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  if (pages <= 1) return null;
  const numbers: number[] = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p += 1) numbers.push(p);
  return (
    <nav className="pager" aria-label="Страницы хранилища">
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ Назад
      </button>
      {numbers.map((p) => (
        <button
          key={p}
          type="button"
          className={p === page ? 'btn btn-small btn-primary' : 'btn btn-small'}
          aria-current={p === page ? 'page' : undefined}
          aria-label={`Страница ${p}`}
          onClick={() => onPage(p)}
        >
          {p}
        </button>
      ))}
      <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Вперёд ›
      </button>
      <span className="muted small">
        Страница {page} из {pages}
      </span>
    </nav>
  );
}

/** «Раскрыть»: the storage's files with a search by name, page by page or («Показать все») all at once. */
export function StorageFullList(props: {
  storageId: string;
  showAll: boolean;
  onShowAll: (all: boolean) => void;
  version: number;
  downloaded: Record<string, string>;
  onDownload: (fileId: string) => void;
  forOrg: boolean;
  timeZone: string;
}) {
  const { storageId, showAll, version } = props;
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const [pageState, setPageState] = useState({ q: '', page: 1 });
  // a new search starts from its first page
  const page = pageState.q === q ? pageState.page : 1;
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q) params.set('q', q);
  const paged = useResource<FilePage>(
    showAll ? null : `/api/storages/${storageId}/files?${params.toString()}#${version}`,
  );
  const all = useAllFiles(storageId, q, version, showAll);
  // the previous page stays on screen while the next one loads
  const pagedData = useLast(paged.data);

  const list = (files: FilePage['items']) =>
    files.length === 0 ? (
      <Empty>{q ? 'Файлов с таким названием нет.' : 'В хранилище пока нет файлов.'}</Empty>
    ) : (
      <FileList
        files={files}
        downloaded={props.downloaded}
        onDownload={props.onDownload}
        forOrg={props.forOrg}
        timeZone={props.timeZone}
        label="Файлы хранилища"
      />
    );

  return (
    <div className="storage-full">
      <div className="toolbar">
        <FilterBox
          id={`files-q-${storageId}`}
          label="Поиск по названию файла"
          value={query}
          onChange={setQuery}
          found={showAll ? all.total : pagedData?.total}
        />
        <div className="toolbar-actions">
          {showAll ? (
            <button type="button" className="btn btn-small" onClick={() => props.onShowAll(false)}>
              Постранично
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => props.onShowAll(true)}>
              Показать все
            </button>
          )}
        </div>
      </div>
      {showAll ? (
        all.error ? (
          <ErrorBox error={all.error} />
        ) : !all.items ? (
          <Loading text="Загрузка: все файлы…" />
        ) : (
          <>
            {list(all.items)}
            {all.total > all.items.length && (
              <p className="muted small">
                Показаны первые {ALL_FILES_LIMIT} из {all.total}. Уточните поиск по названию.
              </p>
            )}
          </>
        )
      ) : paged.error ? (
        <ErrorBox error={paged.error} onRetry={paged.reload} />
      ) : pagedData ? (
        <>
          {list(pagedData.items)}
          <Pager
            page={pagedData.page}
            pages={Math.max(1, Math.ceil(pagedData.total / PAGE_SIZE))}
            onPage={(p) => setPageState({ q, page: p })}
          />
        </>
      ) : (
        <Loading text="Загрузка: файлы…" />
      )}
    </div>
  );
}
