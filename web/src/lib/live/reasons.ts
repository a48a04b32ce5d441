import type { TFunction } from 'i18next';

/** Reasons the media pipeline gives for a stream that stopped (RTSP session failures and run ends). */
const REASONS = [
  'invalid-url', 'connect-failed', 'closed', 'timeout', 'unauthorized', 'auth-unsupported', 'bad-status', 'bad-sdp',
  'unsupported-codec', 'bad-transport', 'protocol-error', 'no-media', 'disabled', 'detached', 'parameters-changed', 'unsubscribed',
] as const;

/** A sentence for a camera's offline reason; reasons this console does not know are shown as sent. */
export function reasonText(t: TFunction, reason: string | null): string | null {
  if (!reason) return null;
  const known = REASONS.find((r) => r === reason);
  return known ? t(`live.reasons.${known}`) : reason;
}
