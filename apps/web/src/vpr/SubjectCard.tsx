import type { MaterialFile, ProgressEntry } from '@oko/shared';
import { Checklist } from './Checklist';
import { KitsForm } from './KitsForm';
import { MaterialRow } from './MaterialRow';
import { PasswordRow } from './PasswordRow';
import { calendarDateText } from './time';
import { subjectTitle } from './words';

export interface DownloadTracker {
  clickedAt: (file: MaterialFile) => string | null;
  onDownload: (file: MaterialFile) => void;
}

/** One subject of «Ход ВПР»: its date, the archive, the шифр, the criteria, the kits and the checklist. */
export function SubjectCard(props: {
  entry: ProgressEntry;
  serverNow: number;
  downloads: DownloadTracker;
  onChanged: () => void;
}) {
  const { entry, serverNow, downloads } = props;
  const title = subjectTitle({ name: entry.subjectName, grade: entry.grade });
  const headingId = `vpr-subject-${entry.subjectId}`;
  const encrypted = entry.group === 'encrypted';
  return (
    <article
      className="vpr-subject"
      aria-labelledby={headingId}
      data-testid={`subject-${entry.subjectCode}${entry.grade}`}
    >
      <header className="vpr-subject-head">
        <h2 id={headingId}>{title}</h2>
        <span className={encrypted ? 'badge badge-info' : 'badge'}>
          {encrypted ? 'архив с шифром' : 'архив без шифра'}
        </span>
        <span className="vpr-subject-date">
          Дата проведения: <b>{calendarDateText(entry.testDate)}</b>
        </span>
      </header>
      <ul className="vpr-rows">
        <MaterialRow
          title="Архив с материалами"
          file={entry.archive}
          serverNow={serverNow}
          zone={entry.zone}
          testId="archive"
          clickedAt={downloads.clickedAt(entry.archive)}
          onDownload={() => downloads.onDownload(entry.archive)}
        />
        {entry.password.applies && <PasswordRow entry={entry} serverNow={serverNow} onOpened={props.onChanged} />}
        <MaterialRow
          title="Критерии оценивания"
          file={entry.criteria}
          serverNow={serverNow}
          zone={entry.zone}
          testId="criteria"
          clickedAt={downloads.clickedAt(entry.criteria)}
          onDownload={() => downloads.onDownload(entry.criteria)}
        />
      </ul>
      {entry.archive.available && entry.archive.generated ? (
        <KitsForm key={entry.kits.confirmedAt ?? 'none'} entry={entry} onSaved={props.onChanged} />
      ) : (
        <p className="muted small">Число распечатанных комплектов подтверждается после того, как откроется архив.</p>
      )}
      <Checklist items={entry.checklist} zone={entry.zone} serverNow={serverNow} title={title} />
    </article>
  );
}
