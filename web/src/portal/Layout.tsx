import { useEffect, useRef } from 'react';
import { usePortalT } from './i18n.ts';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { usePortalInfo } from './api.ts';
import { PortalInfoContext } from './context.ts';
import { setLang, type PortalLang } from './i18n.ts';

/** Header (skip link, navigation, language, official sign-in or badge), main landmark, footer. */
export function Layout() {
  const { t, i18n } = usePortalT();
  const info = usePortalInfo();
  const location = useLocation();
  const navigate = useNavigate();
  const other: PortalLang = i18n.language === 'en' ? 'id' : 'en';

  // a new page (not the first) moves focus to the main region: screen readers hear the change
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('konten')?.focus({ preventScroll: true });
  }, [location.pathname]);

  const switchLang = () => {
    setLang(other);
    const q = new URLSearchParams(location.search);
    if (other === 'en') q.set('lang', 'en');
    else q.delete('lang');
    const s = q.toString();
    void navigate({ pathname: location.pathname, search: s ? `?${s}` : '' }, { replace: true });
  };
  const official = info.data?.viewer === 'pimpinan';
  const next = encodeURIComponent(location.pathname === '/' ? '/' : location.pathname);

  return (
    <PortalInfoContext.Provider value={info.data}>
      <a className="skip" href="#konten">{t('skip')}</a>
      <header className="top">
        <div className="wrap top-row">
          <Link to="/" className="brand">
            <span className="brand-name">{t('brand')}</span>
            <span className="brand-tenant">{info.data?.tenant.name ?? t('tagline')}</span>
          </Link>
          <div className="top-tools">
            <button type="button" className="link-btn" onClick={switchLang} lang={other} data-testid="lang-switch">
              {t('lang.switch')}
            </button>
            {official ? (
              <>
                <span className="badge official" data-testid="official-badge">
                  {info.data?.officialName ? t('official.badgeName', { name: info.data.officialName }) : t('official.badge')}
                </span>
                {info.data?.officialName && <a className="link-btn" href="/cameras">{t('official.console')}</a>}
              </>
            ) : (
              <a className="link-btn" href={`/login?next=${next}`} data-testid="official-login">{t('official.login')}</a>
            )}
          </div>
        </div>
        <nav className="wrap nav" aria-label={t('nav.main')}>
          <NavLink to="/" end>{t('nav.home')}</NavLink>
          <NavLink to="/lapor">{t('nav.report')}</NavLink>
          <NavLink to="/lacak">{t('nav.track')}</NavLink>
          <NavLink to="/statistik">{t('nav.stats')}</NavLink>
        </nav>
      </header>
      <main id="konten" tabIndex={-1} className="wrap main">
        <Outlet />
      </main>
      <footer className="foot">
        <div className="wrap">
          <p>{t('footer.note')}</p>
          <p className="foot-links">
            <a href="/data">{t('footer.data')}</a>
            <a href="/informasi-publik">{t('footer.ppid')}</a>
          </p>
        </div>
      </footer>
    </PortalInfoContext.Provider>
  );
}
