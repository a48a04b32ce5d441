import { useEffect, useState } from 'react';
import { Clock } from '../Clock.tsx';

/** Announcements, one at a time in large type, turning every 8 s. */
export function AnnouncementsTile(props: { messages: string[] }) {
  const [i, setI] = useState(0);
  const n = props.messages.length;
  useEffect(() => {
    setI(0);
    if (n <= 1) return;
    const id = setInterval(() => setI((x) => (x + 1) % n), 8000);
    return () => clearInterval(id);
  }, [n]);
  return (
    <div className="kiosk-announcement" aria-live="polite">
      <p>{props.messages[i % Math.max(1, n)]}</p>
    </div>
  );
}

/** The clock with the operator's weather line (typed in the scene; no weather service is called). */
export function ClockWeatherTile(props: { weatherText: string; timeZone: string; skew: number }) {
  return (
    <div className="kiosk-clock-tile">
      <Clock timeZone={props.timeZone} skew={props.skew} />
      {props.weatherText && <p className="kiosk-weather">{props.weatherText}</p>}
    </div>
  );
}

/** The bottom ticker: lines joined and scrolled right to left. */
export function Ticker(props: { lines: string[] }) {
  if (props.lines.length === 0) return null;
  const text = props.lines.join('   •   ');
  return (
    <div className="kiosk-ticker" role="marquee" aria-label={text}>
      <div className="kiosk-ticker-track" style={{ animationDuration: `${Math.max(20, text.length / 4)}s` }}>
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </div>
    </div>
  );
}
