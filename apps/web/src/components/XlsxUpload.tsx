import { useState, type ChangeEvent } from 'react';
import type { FormIssue } from '@oko/shared';
import { toApiError } from '../api/client';
import { uploadWithProgress } from '../api/upload';

export interface UploadFailure {
  message: string;
  issues: FormIssue[];
}

/**
 * One XLSX sent with progress: a file of another format is refused here, before any byte leaves, with
 * `notXlsxMessage` (each page says where its file comes from); the server's refusal keeps its cell issues.
 */
export function useXlsxUpload<T>(options: {
  url: string;
  notXlsxMessage: (fileName: string) => string;
  onStart?: () => void;
  /** runs after the format check, before sending (e.g. save what is typed) */
  beforeUpload?: () => Promise<unknown>;
  onResult: (result: T) => void;
}) {
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [failure, setFailure] = useState<UploadFailure | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // cleared so that choosing the same file again (after fixing it) fires a change
    e.target.value = '';
    if (!file) return;
    options.onStart?.();
    setFailure(null);
    setFileName(file.name);
    if (!/\.xlsx$/i.test(file.name)) {
      setFailure({ message: options.notXlsxMessage(file.name), issues: [] });
      return;
    }
    await options.beforeUpload?.();
    const body = new FormData();
    body.append('file', file, file.name);
    setProgress({ loaded: 0, total: file.size });
    try {
      const result = (await uploadWithProgress(options.url, body, (loaded, total) =>
        setProgress({ loaded, total: total || file.size }),
      )) as T;
      options.onResult(result);
    } catch (err) {
      const apiError = toApiError(err);
      setFailure({ message: apiError.message, issues: apiError.issues });
    } finally {
      setProgress(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return { busy: progress !== null, percent, fileName, failure, onFile };
}

/** The upload button: a label styled as a button around a hidden file input, so the whole button opens the picker. */
export function XlsxFileButton(props: {
  label: string;
  className: string;
  disabled: boolean;
  testId: string;
  onFile: (e: ChangeEvent<HTMLInputElement>) => Promise<void>;
}) {
  return (
    <label className={props.disabled ? `${props.className} btn-disabled` : props.className}>
      {props.label}
      <input
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="sr-only"
        disabled={props.disabled}
        onChange={(e) => void props.onFile(e)}
        data-testid={props.testId}
      />
    </label>
  );
}

/** While sending: the bar, then, once every byte has left, a note that the server is checking the file. */
export function UploadProgress({
  busy,
  percent,
  fileName,
}: {
  busy: boolean;
  percent: number;
  fileName: string | null;
}) {
  if (!busy) return null;
  return (
    <div className="upload-progress" role="status">
      <progress max={100} value={percent} aria-label="Загрузка файла" />
      <span>{percent < 100 ? `Загрузка «${fileName ?? ''}»: ${percent} %` : 'Файл загружен, проверяем данные…'}</span>
    </div>
  );
}
