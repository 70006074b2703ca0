/** Page buttons under a long list; nothing when everything fits on one page. */
export function Pager(props: {
  page: number;
  total: number;
  pageSize: number;
  label: string;
  onPage: (p: number) => void;
}) {
  const { page, total, pageSize, onPage } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const numbers: number[] = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p += 1) numbers.push(p);
  return (
    <nav className="pager" aria-label={props.label}>
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
        Страница {page} из {pages}, всего {total}
      </span>
    </nav>
  );
}
