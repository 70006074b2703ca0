import type { CodesFile } from '@oko/shared';
import { Downloaded } from './MaterialRow';
import type { DownloadTracker } from './SubjectCard';
import { fileUrl, sizeText } from './words';

function FileButton(props: {
  label: string;
  file: CodesFile['slips'];
  zone: string;
  downloads: DownloadTracker;
  testId: string;
}) {
  const { file } = props;
  const url = fileUrl(file);
  if (!url) return <span className="muted">{props.label}: файл ещё формируется</span>;
  return (
    <span className="vpr-code-file">
      <a
        className="btn"
        href={url}
        download
        onClick={() => props.downloads.onDownload(file)}
        data-testid={props.testId}
      >
        {props.label}
      </a>
      <span className="muted small">{sizeText(file.size)}</span>
      <Downloaded at={file.downloadedAt ?? props.downloads.clickedAt(file)} zone={props.zone} />
    </span>
  );
}

/** «Коды участников и бумажные протоколы»: per grade the slips to cut and the protocol that stays at school. */
export function CodesBlock(props: { codes: CodesFile[]; zone: string; downloads: DownloadTracker }) {
  const { codes, zone, downloads } = props;
  return (
    <section className="panel" aria-labelledby="vpr-codes-title">
      <h2 id="vpr-codes-title">Коды участников и бумажные протоколы</h2>
      <p className="muted">
        Каждый участник получает один код на все работы. Разрежьте лист с кодами на полоски; соответствие кода и фамилии
        записывается только в бумажный протокол, который остаётся в школе.
      </p>
      {codes.length === 0 ? (
        <p className="empty" data-testid="codes-empty">
          Коды появятся после подтверждения заявки.
        </p>
      ) : (
        <ul className="vpr-rows">
          {codes.map((c) => (
            <li key={c.grade} className="vpr-row" data-testid={`codes-${c.grade}`}>
              <span className="vpr-row-title">
                {c.grade} класс
                <span className="muted small vpr-row-sub">
                  кодов: {c.codes}, из них резервных: {c.reserve}
                </span>
              </span>
              <div className="vpr-row-state">
                <FileButton
                  label="Коды участников"
                  file={c.slips}
                  zone={zone}
                  downloads={downloads}
                  testId={`codes-${c.grade}-slips`}
                />
                <FileButton
                  label="Бумажный протокол"
                  file={c.protocol}
                  zone={zone}
                  downloads={downloads}
                  testId={`codes-${c.grade}-protocol`}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
