import { useEffect, useRef } from 'react';
import type { IssuedCredential } from '../api/types';

export interface CredentialFiles {
  pdfBase64: string;
  xlsxBase64: string;
  fileStem: string;
}

function download(base64: string, type: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Freshly issued passwords. They exist only in this component's props: the server keeps no copy,
 * and leaving the page forgets them. The panel sits at the top of the page while the issuing button
 * may be far below, so it brings itself into view (and takes the focus the closed dialog left).
 */
export function CredentialsPanel(props: {
  credentials: IssuedCredential[];
  files?: CredentialFiles | null;
  onClose: () => void;
}) {
  const { credentials, files } = props;
  const section = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
    title.current?.focus({ preventScroll: true });
  }, [credentials]);
  return (
    <section
      className="panel panel-issued"
      aria-labelledby="issued-title"
      ref={section}
      style={{ scrollMarginTop: 16 }}
    >
      <h2 id="issued-title" tabIndex={-1} ref={title}>
        Выданы реквизиты
      </h2>
      <div className="alert alert-warning" role="alert">
        Пароли показаны один раз. Сохраните карточки и передайте их лично, не по электронной почте.
      </div>
      {files && (
        <div className="button-row">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => download(files.pdfBase64, 'application/pdf', `${files.fileStem}.pdf`)}
          >
            Скачать карточки (PDF)
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => download(files.xlsxBase64, XLSX, `${files.fileStem}.xlsx`)}
          >
            Скачать список (XLSX)
          </button>
        </div>
      )}
      <div className="table-wrap">
        <table className="table" aria-label="Выданные логины и пароли">
          <thead>
            <tr>
              <th>Логин</th>
              <th>Пароль</th>
              <th>Роль</th>
              <th>Организация</th>
            </tr>
          </thead>
          <tbody>
            {credentials.map((c) => (
              <tr key={c.userId}>
                <td className="mono">{c.login}</td>
                <td className="mono secret" data-testid="issued-password">
                  {c.password}
                </td>
                <td>{roleWord(c.role)}</td>
                <td>{c.organizationName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="btn" onClick={props.onClose}>
          Я сохранил реквизиты — скрыть пароли
        </button>
      </div>
    </section>
  );
}

function roleWord(role: IssuedCredential['role']): string {
  switch (role) {
    case 'federal_admin':
      return 'Федеральный организатор';
    case 'region_coordinator':
      return 'Региональный координатор';
    case 'spo_region_coordinator':
      return 'Региональный координатор СПО';
    case 'municipal_coordinator':
      return 'Муниципальный координатор';
    case 'school':
      return 'ОО';
    case 'college':
      return 'ОО СПО';
  }
}
