import { lazy, Suspense, useState, type FormEvent } from 'react';
import { usePortalT } from '../i18n.ts';
import { Link } from 'react-router';
import { api, postJson, useCategories } from '../api.ts';
import { usePortal } from '../context.ts';
import { LoadError } from '../components/Status.tsx';
import { useTitle } from '../useTitle.ts';

const PinMap = lazy(() => import('../components/LeafletMap.tsx').then((m) => ({ default: m.PinMap })));
const PHOTO_MAX = 5 * 1024 * 1024;

type Point = { lat: number; lng: number };
type Created = { ticket: string; reopenCode: string; photoError: string | null };

/** Report a problem without an account: pin, category, description, optional photo and contact. */
export function ReportPage() {
  const { t } = usePortalT();
  useTitle(t('report.title'));
  const info = usePortal();
  const categories = useCategories();
  const [point, setPoint] = useState<Point | null>(null);
  const [locating, setLocating] = useState(false);
  const [form, setForm] = useState({ address: '', category: '', description: '', anonymous: false, name: '', phone: '', email: '' });
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const locate = () => {
    if (!navigator.geolocation) return setErrors((x) => ({ ...x, location: t('report.locationError') }));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setPoint({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 });
      },
      () => {
        setLocating(false);
        setErrors((x) => ({ ...x, location: t('report.locationError') }));
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: Record<string, string> = {};
    if (!point) v.location = t('report.needLocation');
    if (!form.category) v.category = t('report.needCategory');
    if (form.description.trim().length < 10) v.description = t('report.needDescription');
    if (photo && photo.size > PHOTO_MAX) v.photo = t('report.photoTooLarge');
    setErrors(v);
    if (Object.keys(v).length) {
      document.getElementById(`r-${Object.keys(v)[0]}`)?.focus();
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      const contact = form.anonymous ? { name: null, phone: null, email: null, anonymous: true } : { name: form.name.trim() || null, phone: form.phone.trim() || null, email: form.email.trim() || null, anonymous: false };
      const hasContact = form.anonymous || contact.name || contact.phone || contact.email;
      const r = await postJson<{ ticket: string; reopenCode: string }>('/api/public/incidents', {
        category: form.category, lat: point!.lat, lng: point!.lng, address: form.address.trim(), description: form.description.trim(), reporter: hasContact ? contact : null,
      });
      let photoError: string | null = null;
      if (photo) {
        // the photo follows the report, proven by the report's own code
        await api(`/api/public/incidents/${r.ticket}/photos`, { method: 'POST', headers: { 'content-type': photo.type || 'application/octet-stream', 'x-reopen-code': r.reopenCode }, body: photo }).catch((err: Error) => {
          photoError = err.message;
        });
      }
      setCreated({ ...r, photoError });
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setSending(false);
    }
  };

  if (created) {
    return (
      <section className="success" data-testid="report-done" aria-labelledby="done-h">
        <h1 id="done-h" tabIndex={-1}>{t('report.done')}</h1>
        <p>{t('report.ticket')}: <span className="ticket" data-testid="report-ticket">{created.ticket}</span></p>
        <p>{t('report.reopenCode')}: <span className="ticket" data-testid="report-code">{created.reopenCode}</span></p>
        <p>{t('report.keep')}</p>
        {created.photoError && <p className="error-text" role="alert">{t('report.photoFailed', { message: created.photoError })}</p>}
        <p className="row">
          <Link className="btn" to={`/lacak/${created.ticket}`} data-testid="report-track">{t('report.track')}</Link>
          <button type="button" className="btn secondary" onClick={() => (setCreated(null), setForm((f) => ({ ...f, description: '' })), setPhoto(null))}>{t('report.another')}</button>
        </p>
      </section>
    );
  }

  const err = (k: string) => errors[k] && <span id={`e-${k}`} className="error-text">{errors[k]}</span>;
  const described = (k: string, hint?: string) => [errors[k] ? `e-${k}` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <h1>{t('report.title')}</h1>
      <p className="muted">{t('report.intro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="report-form">
        <fieldset className="field">
          <legend className="label">{t('report.location')}</legend>
          <p className="hint" id="map-hint">{t('report.mapHint')}</p>
          <Suspense fallback={<div className="map pin" />}>
            <PinMap value={point} onChange={setPoint} tileUrl={info?.mapTileUrl ?? null} attribution={info?.mapAttribution ?? null} label={t('report.location')} />
          </Suspense>
          <div className="row">
            <button type="button" className="btn secondary" id="r-location" onClick={locate} disabled={locating} data-testid="report-locate">
              {locating ? t('report.locating') : t('report.useLocation')}
            </button>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="r-lat">{t('report.lat')}</label>
              <input id="r-lat" type="number" step="any" inputMode="decimal" value={point?.lat ?? ''} aria-describedby={described('location')} data-testid="report-lat"
                onChange={(e) => setPoint((p) => (e.target.value === '' ? null : { lat: Number(e.target.value), lng: p?.lng ?? 0 }))} />
            </div>
            <div className="field">
              <label htmlFor="r-lng">{t('report.lng')}</label>
              <input id="r-lng" type="number" step="any" inputMode="decimal" value={point?.lng ?? ''} aria-describedby={described('location')} data-testid="report-lng"
                onChange={(e) => setPoint((p) => (e.target.value === '' ? null : { lat: p?.lat ?? 0, lng: Number(e.target.value) }))} />
            </div>
          </div>
          {err('location')}
        </fieldset>
        <div className="field">
          <label htmlFor="r-address">{t('report.address')}</label>
          <input id="r-address" type="text" maxLength={300} value={form.address} onChange={set('address')} autoComplete="street-address" />
        </div>
        <div className="field">
          <label htmlFor="r-category">{t('report.category')}</label>
          {categories.error && <LoadError onRetry={categories.reload} />}
          <select id="r-category" value={form.category} onChange={set('category')} aria-invalid={!!errors.category} aria-describedby={described('category')} required data-testid="report-category">
            <option value="">{t('report.choose')}</option>
            {(categories.data ?? []).map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
          {err('category')}
        </div>
        <div className="field">
          <label htmlFor="r-description">{t('report.description')}</label>
          <textarea id="r-description" value={form.description} onChange={set('description')} maxLength={4000} aria-invalid={!!errors.description} aria-describedby={described('description', 'd-hint')} required data-testid="report-description" />
          <span className="hint" id="d-hint">{t('report.descriptionHint')}</span>
          {err('description')}
        </div>
        <div className="field">
          <label htmlFor="r-photo">{t('report.photo')}</label>
          <input id="r-photo" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" aria-describedby={described('photo')} onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} data-testid="report-photo" />
          {err('photo')}
        </div>
        <fieldset className="field">
          <legend className="label">{t('report.contact')}</legend>
          <p className="hint">{t('report.contactNote')}</p>
          <label className="check">
            <input type="checkbox" checked={form.anonymous} onChange={(e) => setForm((f) => ({ ...f, anonymous: e.target.checked }))} data-testid="report-anonymous" />
            {t('report.anonymous')}
          </label>
          {!form.anonymous && (
            <>
              <div className="field"><label htmlFor="r-name">{t('report.name')}</label><input id="r-name" type="text" maxLength={120} value={form.name} onChange={set('name')} autoComplete="name" data-testid="report-name" /></div>
              <div className="field"><label htmlFor="r-phone">{t('report.phone')}</label><input id="r-phone" type="tel" maxLength={20} value={form.phone} onChange={set('phone')} autoComplete="tel" data-testid="report-phone" /></div>
              <div className="field"><label htmlFor="r-email">{t('report.email')}</label><input id="r-email" type="email" maxLength={200} value={form.email} onChange={set('email')} autoComplete="email" /></div>
            </>
          )}
        </fieldset>
        {failure && <div className="alert" role="alert" data-testid="report-error"><p>{failure}</p></div>}
        <div><button type="submit" className="btn" disabled={sending} data-testid="report-submit">{sending ? t('report.sending') : t('report.submit')}</button></div>
      </form>
    </>
  );
}
