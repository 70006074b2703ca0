import { z } from 'zod';

export const JobParams = z.strictObject({ jobId: z.string().uuid() });

/** A background job as its creator sees it: the progress bar and the outcome. */
export const Job = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

/** What a route that starts a background job answers (202). */
export const JobStarted = z.object({ jobId: z.string().uuid(), message: z.string() });
export type JobStarted = z.infer<typeof JobStarted>;
