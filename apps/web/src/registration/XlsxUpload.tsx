import { UploadProgress, XlsxFileButton, useXlsxUpload } from '../components/XlsxUpload';
import { IssueList } from '../forms/IssueList';

const notXlsx = (name: string) =>
  `Файл «${name}» не в формате XLSX. Загрузите файл, скачанный на этой странице и сохранённый в Excel или LibreOffice как «Книга Excel (.xlsx)».`;

/**
 * «Загрузить файл»: one XLSX sent with a progress bar; a refused file shows the server's message and every
 * cell to fix. The answer goes to `onResult`. `secondary` makes the button a plain one beside a page's
 * main action; `className` places the block.
 */
export function XlsxUpload<T>(props: {
  url: string;
  label: string;
  testId: string;
  disabled?: boolean;
  secondary?: boolean;
  className?: string;
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
    <div className={props.className}>
      <XlsxFileButton
        label={props.label}
        className={props.secondary ? 'btn' : 'btn btn-primary'}
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
