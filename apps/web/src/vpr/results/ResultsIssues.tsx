import type { FormIssue } from '@oko/shared';
import { issueText } from './results-words';

/** Every problem of a refused file, each with its sheet and cell, as the ОО fixes them in Excel. */
export function ResultsIssues({ issues }: { issues: readonly FormIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issue-list results-issues" data-testid="results-issues">
      {issues.map((i, n) => (
        <li key={n}>{issueText(i)}</li>
      ))}
    </ul>
  );
}
