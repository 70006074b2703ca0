import { z } from 'zod';

export const NotificationParams = z.strictObject({ notificationId: z.string().uuid() });

export const Notification = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
  /** a report built in the background: downloadable from the notification, later too */
  file: z.object({ name: z.string(), url: z.string() }).nullable(),
  jobId: z.string().uuid().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  unread: z.number().int(),
  items: z.array(Notification),
});
export type NotificationList = z.infer<typeof NotificationList>;
