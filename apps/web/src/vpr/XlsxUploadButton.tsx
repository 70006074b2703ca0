import { UploadProgress, XlsxFileButton, useXlsxUpload } from '../components/XlsxUpload';
import { IssueList } from '../forms/IssueList';

const notXlsx = (name: string) =>
  `Файл «${name}» не в формате XLSX. Загрузите файл, скачанный на этой странице и сохранённый в Excel или LibreOffice как «Книга Excel (.xlsx)».`;

/**
 * An XLSX upload with its progress bar; a refused file lists every cell to fix and changes nothing.
 * Like registration/XlsxUpload, but the button may be a secondary one beside the page's main action.
 */
export function XlsxUploadButton<T>(props: {
  url: string;
  label: string;
  testId: string;
  primary?: boolean;
  disabled?: boolean;
  onStart?: () => void;
  onResult: (result: T) => void;
}) {
  const upload = useXlsxUpload<T>({
    url: props.url,
    notXlsxMessage: notXlsx,
    onStart: props.onStart,
    onResult: props.onResult,
  });
  const { failure, fileName } = upload;
  return (
    <div className="vpr-upload">
      <XlsxFileButton
        label={props.label}
        className={props.primary ? 'btn btn-primary' : 'btn'}
        disabled={upload.busy || props.disabled === true}
        testId={props.testId}
        onFile={upload.onFile}
      />
      <UploadProgress busy={upload.busy} percent={upload.percent} fileName={fileName} />
      {failure && (
        <div className="alert alert-error" role="alert">
          <div>
            <p>
              <b>Файл {fileName ? `«${fileName}» ` : ''}не принят.</b> {failure.message}
            </p>
            {failure.issues.length > 0 && <IssueList issues={failure.issues} limit={50} />}
            <p className="small">Ничего не изменено. Исправьте файл и загрузите его снова.</p>
          </div>
        </div>
      )}
    </div>
  );
}
