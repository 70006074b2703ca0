import { countdownText, momentText } from './time';

/** «Откроется через 2 д 03:12:45» and the moment itself in local and Moscow time. */
export function Countdown({ at, serverNow, zone }: { at: string; serverNow: number; zone: string }) {
  const left = Date.parse(at) - serverNow;
  return (
    <span className="vpr-wait">
      <span className="vpr-countdown" role="timer" aria-live="off">
        Откроется через <b>{countdownText(left)}</b>
      </span>
      <span className="vpr-moment">{momentText(new Date(at), zone)}</span>
    </span>
  );
}
