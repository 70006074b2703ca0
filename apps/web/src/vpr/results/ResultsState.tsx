import { RESULTS_STATE_TITLES, type ResultsSubjectStatus } from '@oko/shared';
import { STATE_BADGE, uploadText } from './results-words';

/** «Не начато» / «Заполняется» / «Сдано» with the last accepted upload: when, how many wrote, how many were absent. */
export function ResultsState({ status }: { status: ResultsSubjectStatus }) {
  const last = status.lastUpload;
  return (
    <span className="results-state" data-testid="results-state">
      <span className={STATE_BADGE[status.state]}>{RESULTS_STATE_TITLES[status.state]}</span>
      {last && <span className="results-state-text">{uploadText(last, status.zone)}</span>}
      {last?.late && <span className="badge badge-warn">после срока</span>}
    </span>
  );
}
