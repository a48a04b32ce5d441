import { useEffect, useMemo, useState } from 'react';
import { S } from './strings.ts';

/** Now, re-rendered every `everyMs`; `skew` is the server's clock minus this machine's. */
export function useNow(everyMs = 1000, skew = 0): number {
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now() + skew), everyMs);
    return () => clearInterval(id);
  }, [everyMs, skew]);
  return now;
}

function safeFormat(opts: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(S.locale, { ...opts, timeZone });
  } catch {
    return new Intl.DateTimeFormat(S.locale, { ...opts, timeZone: 'Asia/Jakarta' });
  }
}

/** A big clock and date in the display's zone. */
export function Clock(props: { timeZone: string; skew?: number; size?: 'big' | 'small' }) {
  const now = useNow(1000, props.skew ?? 0);
  // formatters are built once per zone, not every second of a screen that runs for days
  const [timeOf, dateOf] = useMemo(
    () => [safeFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, props.timeZone), safeFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, props.timeZone)],
    [props.timeZone],
  );
  const time = timeOf.format(now);
  const date = dateOf.format(now);
  return (
    <div className={`kiosk-clock kiosk-clock-${props.size ?? 'big'}`}>
      <time className="kiosk-clock-time" dateTime={new Date(now).toISOString()}>{time}</time>
      <div className="kiosk-clock-date">{date}</div>
    </div>
  );
}
