import type { RegistryApplyResult } from '@oko/shared';
import { CredentialsPanel } from '../components/CredentialsPanel';

type IssuedCredentials = Pick<RegistryApplyResult, 'credentials' | 'pdfBase64' | 'xlsxBase64' | 'fileStem'>;

/** What an apply did, and the passwords it issued (shown once, until the user closes them). */
export function AppliedNotice(props: { message: string; issued?: IssuedCredentials; onClose?: () => void }) {
  const { issued } = props;
  return (
    <>
      <div className="alert alert-success" role="status">
        {props.message}
      </div>
      {issued && issued.credentials.length > 0 && (
        <CredentialsPanel
          credentials={issued.credentials}
          files={
            issued.pdfBase64 && issued.xlsxBase64
              ? { pdfBase64: issued.pdfBase64, xlsxBase64: issued.xlsxBase64, fileStem: issued.fileStem }
              : null
          }
          onClose={() => props.onClose?.()}
        />
      )}
    </>
  );
}
