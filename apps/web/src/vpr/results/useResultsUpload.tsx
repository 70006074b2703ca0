import type { ReactNode } from 'react';
import type { SubmitResult } from '@oko/shared';
import { UploadProgress, XlsxFileButton, useXlsxUpload } from '../../components/XlsxUpload';
import { plural } from '../../format';
import { resultsApi } from './access';
import { ResultsIssues } from './ResultsIssues';

const notXlsx = (name: string) =>
  `Файл «${name}» не в формате XLSX. Загрузите форму, скачанную по кнопке «Скачать форму (XLSX)» и заполненную в Excel или LibreOffice (сохраните как «Книга Excel (.xlsx)»).`;

/**
 * «Загрузить заполненную форму»: the file is checked whole by the server and, when it passes, is the ОО's results;
 * a refused file leaves everything as it was and names every cell to fix. The button goes into the page's row of
 * buttons, the outcome (progress, refusal) under it.
 */
export function useResultsUpload(props: {
  subjectId: string;
  /** why nothing can be uploaded now (the window), or null */
  disabledReason: string | null;
  /** saves what is typed online first, so nothing is lost under the file */
  beforeUpload?: () => Promise<unknown>;
  onUploaded: (result: SubmitResult) => void;
}): { button: ReactNode; outcome: ReactNode } {
  const upload = useXlsxUpload<SubmitResult>({
    url: `${resultsApi(props.subjectId)}/upload`,
    notXlsxMessage: notXlsx,
    beforeUpload: props.beforeUpload,
    onResult: props.onUploaded,
  });
  const { failure, fileName } = upload;
  const count = failure?.issues.length ?? 0;
  // the list names every cell, so the server's summary of it is not repeated above the list
  const quoted = fileName ? `«${fileName}» ` : '';
  const button = (
    <XlsxFileButton
      label="Загрузить заполненную форму"
      className="btn btn-primary"
      disabled={upload.busy || props.disabledReason !== null}
      testId="results-upload"
      onFile={upload.onFile}
    />
  );
  const outcome = (
    <>
      <UploadProgress busy={upload.busy} percent={upload.percent} fileName={fileName} />
      {failure && (
        <div className="alert alert-error results-refused" role="alert" data-testid="results-upload-error">
          <div>
            {count > 0 ? (
              <p>
                <b>Файл {quoted}не принят:</b> {count} {plural(count, 'ошибка', 'ошибки', 'ошибок')}. Исправьте в файле
                и загрузите его снова:
              </p>
            ) : (
              <p>
                {fileName && <b>«{fileName}»: </b>}
                {failure.message}
              </p>
            )}
            <ResultsIssues issues={failure.issues} />
            <p className="small">Прежние данные не изменены.</p>
          </div>
        </div>
      )}
    </>
  );
  return { button, outcome };
}
