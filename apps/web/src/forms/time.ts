import { formatDateTime } from '../format';

/** «21.11.2025 14:05» in the user's zone. */
export function stamp(iso: string, timeZone: string): string {
  return formatDateTime(new Date(iso), timeZone).replace(', ', ' ');
}

/** «14:05» in the user's zone. */
export function clock(iso: string, timeZone: string): string {
  return stamp(iso, timeZone).slice(-5);
}

/** The zone the browser runs in: a safe default when the account's zone is unknown. */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Moscow';
  } catch {
    return 'Europe/Moscow';
  }
}
