import type { MaterialFile } from '@oko/shared';
import { Countdown } from './Countdown';
import { wallClockText } from './time';
import { fileUrl, sizeText } from './words';

/** «Скачано: 21.11.2026 10:05» in the ОО's zone. */
export function Downloaded({ at, zone }: { at: string | null; zone: string }) {
  if (!at) return null;
  return <span className="file-downloaded">Скачано: {wallClockText(new Date(at), zone)}</span>;
}

/**
 * One file of «Ход ВПР»: a download button once the server has opened it, otherwise a live countdown
 * to its moment; a file that is open but not yet built says so.
 */
export function MaterialRow(props: {
  title: string;
  file: MaterialFile;
  serverNow: number;
  zone: string;
  testId: string;
  /** the moment of the click, by the server's clock, until the page is fetched again */
  clickedAt: string | null;
  onDownload: () => void;
}) {
  const { file, zone } = props;
  const url = fileUrl(file);
  let state;
  if (url) {
    state = (
      <>
        <a
          className="btn btn-primary"
          href={url}
          download
          onClick={props.onDownload}
          data-testid={`${props.testId}-download`}
          aria-label={`Скачать: ${props.title}`}
        >
          Скачать
        </a>
        <span className="muted small">
          {file.name} {sizeText(file.size)}
        </span>
        <Downloaded at={file.downloadedAt ?? props.clickedAt} zone={zone} />
      </>
    );
  } else if (file.available) {
    state = <span className="muted">Файл ещё формируется. Страница обновится сама.</span>;
  } else {
    state = <Countdown at={file.availableAt} serverNow={props.serverNow} zone={zone} />;
  }
  return (
    <li className="vpr-row" data-testid={props.testId}>
      <span className="vpr-row-title">{props.title}</span>
      <div className="vpr-row-state">{state}</div>
    </li>
  );
}
