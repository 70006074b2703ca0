import { useEffect, useState } from 'react';

interface Base {
  iso: string | undefined;
  offset: number;
}

/**
 * The server's time, ticking on every second of the server's clock. The server decides when a file
 * opens, so countdowns run from its clock, not from the computer's (which may be minutes or zones off):
 * offset = the server's `now` − Date.now() when its answer is first rendered.
 */
export function useServerClock(serverNowIso: string | undefined): number {
  const [base, setBase] = useState<Base>({ iso: undefined, offset: 0 });
  const [tick, setTick] = useState(() => Date.now());
  if (serverNowIso !== base.iso) {
    // adjusted while rendering, so the first frame of a new answer already counts from the server's clock
    const at = Date.parse(serverNowIso ?? '');
    setBase({ iso: serverNowIso, offset: Number.isNaN(at) ? 0 : at - Date.now() });
    setTick(Date.now());
  }
  const { offset } = base;

  useEffect(() => {
    let timer = 0;
    const schedule = () => {
      // wake just after the server's next whole second, so «00:00:01» turns into «00:00:00» on time
      const wait = 1000 - ((((Date.now() + offset) % 1000) + 1000) % 1000) + 10;
      timer = window.setTimeout(() => {
        setTick(Date.now());
        schedule();
      }, wait);
    };
    schedule();
    return () => window.clearTimeout(timer);
  }, [offset]);

  return tick + offset;
}
