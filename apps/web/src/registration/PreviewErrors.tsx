import type { FormIssue } from '@oko/shared';
import { IssueList } from '../forms/IssueList';

/** Business errors of a preview: any of them blocks «Применить», so they come before the changes. */
export function PreviewErrors({ errors }: { errors: FormIssue[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <div>
        <p>
          <b>В файле есть ошибки — применить нельзя.</b> Исправьте их и загрузите файл снова.
        </p>
        <IssueList issues={errors} limit={100} />
      </div>
    </div>
  );
}
