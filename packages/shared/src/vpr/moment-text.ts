import { MOSCOW_ZONE } from './time-gates.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', {
      timeZone: zone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** 'дд.мм.гггг чч:мм' as a wall clock in the zone. */
export function wallClockText(at: Date, zone: string): string {
  return formatter(zone).format(at).replace(',', '');
}

/**
 * A deadline as the users read it: local time of the ОО first, Moscow time beside it when they differ
 * («22.04.2027 07:30 по местному времени (02:30 МСК)»).
 */
export function momentText(at: Date, zone: string): string {
  const local = wallClockText(at, zone);
  const moscow = wallClockText(at, MOSCOW_ZONE);
  if (zone === MOSCOW_ZONE || local === moscow) return `${moscow} МСК`;
  return `${local} по местному времени (${moscow.slice(11)} МСК${local.slice(0, 10) === moscow.slice(0, 10) ? '' : `, ${moscow.slice(0, 10)}`})`;
}
