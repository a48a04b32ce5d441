import { useEffect, useState, type FormEvent } from 'react';
import { usePortalT, localeOf } from '../i18n.ts';
import { useNavigate, useParams } from 'react-router';
import { ApiError, postJson, useTracking, type PublicTracking } from '../api.ts';
import { TICKET_RE } from '../labels.ts';
import { LoadError, Loading } from '../components/Status.tsx';
import { useTitle } from '../useTitle.ts';

/** Track a report by its ticket: status history only (no reporter, notes or agencies); reopen with the code. */
export function TrackPage() {
  const { t, i18n } = usePortalT();
  useTitle(t('track.title'));
  const { ticket = '' } = useParams();
  const navigate = useNavigate();
  const wanted = ticket.toUpperCase();
  const valid = TICKET_RE.test(wanted);
  const [input, setInput] = useState(ticket);
  const [invalid, setInvalid] = useState(false);
  const q = useTracking(valid ? wanted : null);
  const [data, setData] = useState<PublicTracking | null>(null);
  useEffect(() => setData(q.data), [q.data]);
  const when = (iso: string) => new Date(iso).toLocaleString(localeOf(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

  const find = (e: FormEvent) => {
    e.preventDefault();
    const v = input.trim().toUpperCase();
    setInvalid(!TICKET_RE.test(v));
    if (TICKET_RE.test(v)) void navigate(`/lacak/${v}`);
  };
  const notFound = q.error instanceof ApiError && q.error.status === 404;

  return (
    <>
      <h1>{t('track.title')}</h1>
      <form className="form" onSubmit={find} noValidate>
        <div className="row">
          <div className="field">
            <label htmlFor="t-ticket">{t('track.ticket')}</label>
            <input id="t-ticket" type="text" value={input} onChange={(e) => setInput(e.target.value)} placeholder="PTU-260105-ABCDEF" autoCapitalize="characters" spellCheck={false}
              aria-invalid={invalid} aria-describedby={invalid ? 't-invalid' : undefined} data-testid="track-ticket" />
          </div>
          <button type="submit" className="btn" data-testid="track-submit">{t('track.find')}</button>
        </div>
        {invalid && <span id="t-invalid" className="error-text">{t('track.invalid')}</span>}
      </form>
      {ticket && !valid && <p className="error-text" role="alert">{t('track.invalid')}</p>}
      {q.loading && <Loading />}
      {notFound && <div className="alert" role="alert" data-testid="track-missing"><p>{t('track.notFound')}</p></div>}
      {q.error && !notFound && <LoadError onRetry={q.reload} />}
      {data && (
        <section aria-labelledby="result-h" data-testid="track-result" data-status={data.status}>
          <h2 id="result-h"><span className="ticket">{data.ticket}</span></h2>
          <dl className="facts">
            <dt>{t('track.status')}</dt>
            <dd><strong data-testid="track-status">{t(`incidentStatus.${data.status}`)}</strong></dd>
            <dt>{t('track.created')}</dt>
            <dd>{when(data.createdAt)}</dd>
          </dl>
          <h3>{t('track.history')}</h3>
          <ol className="timeline">
            {data.history.map((h, i) => (
              <li key={i}><strong>{t(`incidentStatus.${h.status}`)}</strong><br /><span className="muted">{when(h.at)}</span></li>
            ))}
          </ol>
          {data.canReopenUntil && <Reopen ticket={data.ticket} until={when(data.canReopenUntil)} onDone={setData} />}
        </section>
      )}
    </>
  );
}

function Reopen({ ticket, until, onDone }: { ticket: string; until: string; onDone: (t: PublicTracking) => void }) {
  const { t } = usePortalT();
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onDone(await postJson<PublicTracking>(`/api/public/incidents/${ticket}/reopen`, { reopenCode: code.trim(), reason: reason.trim() }));
      setDone(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  if (done) return <p className="success" role="status">{t('track.reopened')}</p>;
  return (
    <details>
      <summary>{t('track.reopenUntil', { time: until })}</summary>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <h3>{t('track.reopen')}</h3>
        <div className="field"><label htmlFor="ro-code">{t('track.reopenCode')}</label><input id="ro-code" type="text" value={code} onChange={(e) => setCode(e.target.value)} required minLength={8} maxLength={64} spellCheck={false} /></div>
        <div className="field"><label htmlFor="ro-reason">{t('track.reason')}</label><textarea id="ro-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} /></div>
        {error && <p className="error-text" role="alert">{error}</p>}
        <div><button type="submit" className="btn">{t('track.reopenSubmit')}</button></div>
      </form>
    </details>
  );
}
