import type { StoredFile } from '@oko/shared';
import { formatDateTime } from '../format';
import { localAndMoscow } from './zonedTime';

/** «512 Б», «48 КБ», «1,2 МБ». */
export function formatSize(bytes: number): string {
  const units = ['Б', 'КБ', 'МБ', 'ГБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace('.', ',');
  return `${shown} ${units[unit]}`;
}

function DownloadIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M11 3h2v9.17l3.59-3.58L18 10l-6 6-6-6 1.41-1.41L11 12.17V3zM5 18h14v2H5z" />
    </svg>
  );
}

function LockIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 0 1 6 0v3H9z"
      />
    </svg>
  );
}

/**
 * One file of a storage: the download icon when the caller may take it, otherwise the reason why not
 * (not yet available, or meant only for the ОО themselves).
 */
export function FileRow(props: {
  file: StoredFile;
  /** set locally right after a click, before the list is fetched again */
  downloadedAt: string | null;
  onDownload: () => void;
  forOrg: boolean;
  timeZone: string;
}) {
  const { file, downloadedAt, forOrg, timeZone } = props;
  const onlyForOrgsLocked = file.onlyForOrgs && !file.downloadable && file.available;
  const last =
    [file.lastDownloadedAt, downloadedAt]
      .filter((x): x is string => x !== null)
      .sort()
      .pop() ?? null;

  let status;
  if (!file.available) {
    status = (
      <span className="file-later">
        {file.availableAt ? `Будет доступен с ${localAndMoscow(file.availableAt, timeZone)}` : 'Пока недоступен'}
      </span>
    );
  } else if (onlyForOrgsLocked) {
    status = <span className="badge">Только для ОО</span>;
  } else if (!file.downloadable) {
    status = <span className="muted small">Недоступен для скачивания</span>;
  } else if (last) {
    status = <span className="file-downloaded">Скачано: {formatDateTime(new Date(last), timeZone)}</span>;
  } else {
    status = null;
  }

  return (
    <li className={file.downloadable ? 'file-row' : 'file-row file-row-locked'}>
      {file.downloadable ? (
        <a
          className="file-download"
          href={`/api/files/${file.id}`}
          download
          aria-label={`Скачать ${file.name}`}
          title="Скачать"
          onClick={props.onDownload}
        >
          <DownloadIcon />
        </a>
      ) : (
        <span
          className="file-download file-download-off"
          title={onlyForOrgsLocked ? 'Файл предназначен только для образовательных организаций' : 'Пока недоступен'}
        >
          <LockIcon />
        </span>
      )}
      <div className="file-main">
        <span className="file-name">{file.name}</span>
        <span className="file-meta">
          {formatSize(file.size)}
          {file.orgLogin &&
            (forOrg ? (
              <span className="badge badge-info">файл вашей ОО</span>
            ) : (
              <span className="badge badge-info">
                для ОО <span className="mono">{file.orgLogin}</span>
              </span>
            ))}
          {file.onlyForOrgs && !onlyForOrgsLocked && !forOrg && <span className="badge">Только для ОО</span>}
        </span>
      </div>
      <div className="file-status">{status}</div>
    </li>
  );
}

export function FileList(props: {
  files: StoredFile[];
  downloaded: Record<string, string>;
  onDownload: (fileId: string) => void;
  forOrg: boolean;
  timeZone: string;
  label: string;
}) {
  return (
    <ul className="file-list" aria-label={props.label}>
      {props.files.map((f) => (
        <FileRow
          key={f.id}
          file={f}
          downloadedAt={props.downloaded[f.id] ?? null}
          onDownload={() => props.onDownload(f.id)}
          forOrg={props.forOrg}
          timeZone={props.timeZone}
        />
      ))}
    </ul>
  );
}
