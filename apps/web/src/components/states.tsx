import { useEffect, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { Resource } from '../api/useResource';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ОКО`;
  }, [title]);
}

export function Loading({ text = 'Загрузка…' }: { text?: string }) {
  return (
    <p className="loading" role="status">
      {text}
    </p>
  );
}

export function ErrorBox({ error, onRetry }: { error: ApiError | string; onRetry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <span>{typeof error === 'string' ? error : error.message}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Повторить
        </button>
      )}
    </div>
  );
}

/** Shows loading and error states of a resource, and the content once it has arrived. */
export function Loaded<T>({
  res,
  children,
  what,
}: {
  res: Resource<T>;
  children: (data: T) => ReactNode;
  what?: string;
}) {
  if (res.data !== undefined) return <>{children(res.data)}</>;
  if (res.error) return <ErrorBox error={res.error} onRetry={res.reload} />;
  return <Loading text={what ? `Загрузка: ${what}…` : undefined} />;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
