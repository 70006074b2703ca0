import { useEffect, useState } from 'react';
import type { Job } from '@oko/shared';
import { api, toApiError, type ApiError } from '../api/client';

const FIRST_POLL_MS = 700;
const MAX_POLL_MS = 3_000;

export const jobFinished = (job: Job | undefined): boolean => job?.status === 'done' || job?.status === 'failed';

/** Follows a background job until it is done or failed; the poll slows down while the job runs long. */
export function useJob(jobId: string): { job: Job | undefined; error: ApiError | undefined } {
  const [job, setJob] = useState<Job | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let timer = 0;
    let delay = FIRST_POLL_MS;
    const poll = async () => {
      try {
        const next = await api.get<Job>(`/api/jobs/${jobId}`);
        if (!live) return;
        setJob(next);
        setError(undefined);
        if (jobFinished(next)) return;
      } catch (e) {
        if (!live) return;
        setError(toApiError(e));
      }
      delay = Math.min(MAX_POLL_MS, Math.round(delay * 1.3));
      timer = window.setTimeout(() => void poll(), delay);
    };
    timer = window.setTimeout(() => void poll(), FIRST_POLL_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId]);

  return { job, error };
}
