import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkup, type Inline } from './markup';

function renderInline(xs: Inline[]): ReactNode[] {
  return xs.map((x, i) => {
    switch (x.kind) {
      case 'text':
        return <Fragment key={i}>{x.text}</Fragment>;
      case 'bold':
        return <strong key={i}>{renderInline(x.children)}</strong>;
      case 'link':
        return (
          <a key={i} href={x.href} target="_blank" rel="noopener noreferrer">
            {x.text}
          </a>
        );
      case 'file':
        return (
          <a key={i} href={`/api/files/${x.fileId}`} download>
            {x.text}
          </a>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}

/** General information of a publication, built as React elements from the safe markup. */
export function Markup({ body }: { body: string }) {
  const blocks = useMemo(() => parseMarkup(body), [body]);
  if (blocks.length === 0) return <p className="muted">Текст публикации пока не добавлен.</p>;
  return (
    <div className="markup">
      {blocks.map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}>{renderInline(b.content)}</p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{renderInline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
