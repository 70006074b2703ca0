import { useState } from 'react';

/**
 * State of an upload → preview → apply flow. A new upload drops the old preview and the last result; applying
 * or cancelling drops the preview. Spread `uploadProps` on XlsxUpload and `applyProps` on ApplyBar.
 */
export function usePreviewApply<P, R>(afterApply?: (result: R) => void) {
  const [preview, setPreview] = useState<P | null>(null);
  const [applied, setApplied] = useState<R | null>(null);
  return {
    preview,
    applied,
    dismissApplied: () => setApplied(null),
    uploadProps: {
      onStart: () => {
        setPreview(null);
        setApplied(null);
      },
      onResult: (p: P) => setPreview(p),
    },
    applyProps: {
      onApplied: (r: R) => {
        setPreview(null);
        setApplied(r);
        afterApply?.(r);
      },
      onCancel: () => setPreview(null),
    },
  };
}
