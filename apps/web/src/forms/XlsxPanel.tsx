import type { MouseEvent } from 'react';
import type { SubmitResult } from '@oko/shared';
import { UploadProgress, XlsxFileButton, useXlsxUpload } from '../components/XlsxUpload';
import { IssueList } from './IssueList';

const notXlsx = (name: string) =>
  `Файл «${name}» не в формате XLSX. Загрузите форму, скачанную по кнопке «Скачать форму (XLSX)» и заполненную в Excel или LibreOffice (сохраните как .xlsx).`;

/**
 * The XLSX face on the same page: download the form with the current data, or upload a filled one, which is
 * checked by the same rules and submitted as a whole.
 */
export function XlsxPanel(props: {
  collectionId: string;
  canUpload: boolean;
  /** saves what is typed, so the downloaded file holds it */
  beforeDownload: () => Promise<boolean>;
  beforeUpload: () => Promise<boolean>;
  onUploaded: (result: SubmitResult) => void;
}) {
  const url = `/api/collections/${props.collectionId}/xlsx`;
  const upload = useXlsxUpload<SubmitResult>({
    url,
    notXlsxMessage: notXlsx,
    beforeUpload: props.beforeUpload,
    onResult: props.onUploaded,
  });
  const { failure, fileName } = upload;

  const download = async (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    await props.beforeDownload();
    window.location.assign(url);
  };

  return (
    <section className="panel xlsx-panel" aria-labelledby="xlsx-title">
      <h2 id="xlsx-title">{props.canUpload ? 'Заполнить в Excel' : 'Скачать в Excel'}</h2>
      <p className="muted">
        {props.canUpload
          ? 'Можно скачать форму, заполнить её в Excel или LibreOffice и загрузить обратно: файл проверяется по тем же правилам, что и таблица на странице, и при успешной проверке отчет считается сданным.'
          : 'Форму с введёнными данными можно скачать в формате XLSX.'}
      </p>
      <div className="button-row">
        <a className="btn" href={url} onClick={(e) => void download(e)} download>
          Скачать форму (XLSX)
        </a>
        {props.canUpload && (
          <XlsxFileButton
            label="Загрузить заполненную форму"
            className="btn"
            disabled={upload.busy}
            testId="xlsx-file"
            onFile={upload.onFile}
          />
        )}
      </div>
      <UploadProgress busy={upload.busy} percent={upload.percent} fileName={fileName} />
      {failure && (
        <div className="alert alert-error xlsx-failure" role="alert">
          <div>
            <p>
              <strong>«{fileName}»:</strong> {failure.message}
            </p>
            {failure.issues.length > 0 && (
              <>
                <p>Исправьте в файле и загрузите снова:</p>
                <IssueList issues={failure.issues} />
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
