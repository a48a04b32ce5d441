import { useEffect, useState } from 'react';
import { pollPairing, startPairing } from './api.ts';
import { S } from './strings.ts';

const POLL_MS = 2000;

/**
 * Shows a pairing code until an operator approves it in the console. The approved poll sets the
 * display cookie; then `onPaired`. Failures only delay: an expired code is replaced, a lost
 * network is waited out with the code still on screen.
 */
export function PairingScreen(props: { onPaired: () => void }) {
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const { onPaired } = props;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pairing: { pairingId: string; secret: string; expiresAt: number } | null = null;
    const tick = async () => {
      if (stopped) return;
      if (!pairing || pairing.expiresAt <= Date.now()) {
        const s = await startPairing();
        if (stopped) return;
        if (s.ok) {
          pairing = { pairingId: s.value.pairingId, secret: s.value.secret, expiresAt: Date.parse(s.value.expiresAt) };
          setCode({ code: s.value.code, expiresAt: s.value.expiresAt });
        }
      } else {
        const r = await pollPairing({ pairingId: pairing.pairingId, secret: pairing.secret });
        if (stopped) return;
        if (r.ok && r.value.state === 'approved') return onPaired();
        if (r.ok && r.value.state === 'expired') pairing = null;
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [onPaired]);

  const until = code ? new Intl.DateTimeFormat(S.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(code.expiresAt)) : '';
  return (
    <main className="kiosk kiosk-pairing">
      <h1>{S.pairTitle}</h1>
      <p className="kiosk-pairing-code" data-testid="pairing-code" aria-live="polite">{code?.code ?? '····-····'}</p>
      <p className="kiosk-pairing-steps">{S.pairSteps}</p>
      {code && <p className="kiosk-pairing-expiry">{S.pairExpires} {until}</p>}
    </main>
  );
}
