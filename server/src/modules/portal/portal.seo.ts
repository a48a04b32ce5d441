import type { FastifyInstance } from 'fastify';
import type { PageEntry } from '../../platform/http/pages.ts';
import type { PortalService } from './portal.service.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML text and attribute values; camera names are typed by operators, so never trusted. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);
// JSON inside <script>: `</script>` or `<!--` in a name must not end the element
const jsonLd = (o: unknown) => JSON.stringify(o).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const tup = (title: string, description: string): [string, string] => [title, description];

const TEXT = {
  id: {
    home: (t: string) => tup(`CCTV publik ${t} — Pantau`, `Lihat kamera CCTV publik ${t} secara langsung, laporkan masalah di kota Anda, dan lacak tindak lanjutnya.`),
    camera: (name: string, region: string) => tup(`${name}, ${region} — CCTV langsung`, `Siaran langsung kamera CCTV publik ${name} di ${region}.`),
    cameraGeneric: (t: string) => tup(`Kamera CCTV — ${t}`, `Kamera CCTV publik ${t}.`),
    stats: (t: string) => tup(`Statistik transparansi ${t} — Pantau`, `Jumlah laporan warga per kategori dan status, rata-rata waktu penyelesaian per kategori dan instansi, dan kamera yang daring di ${t}.`),
    report: (t: string) => tup(`Laporkan masalah — ${t}`, `Laporkan masalah di ${t} tanpa perlu akun: tandai lokasi, pilih kategori, lampirkan foto.`),
    track: (t: string) => tup(`Lacak laporan — ${t}`, `Lacak status laporan Anda dengan nomor tiket.`),
  },
  en: {
    home: (t: string) => tup(`Public CCTV of ${t} — Pantau`, `Watch ${t}'s public CCTV cameras live, report a problem in your city and track what happens next.`),
    camera: (name: string, region: string) => tup(`${name}, ${region} — live CCTV`, `Live view of the public CCTV camera ${name} in ${region}.`),
    cameraGeneric: (t: string) => tup(`CCTV camera — ${t}`, `A public CCTV camera of ${t}.`),
    stats: (t: string) => tup(`Transparency statistics of ${t} — Pantau`, `Citizen reports by category and status, average time to resolution per category and agency, and cameras online in ${t}.`),
    report: (t: string) => tup(`Report a problem — ${t}`, `Report a problem in ${t} without an account: pin the place, pick a category, attach a photo.`),
    track: (t: string) => tup(`Track a report — ${t}`, `Track your report's status with its ticket number.`),
  },
} as const;

/**
 * The portal's page heads: title, description, canonical, Open Graph, language alternates and
 * JSON-LD. A camera page names its camera only when the camera is public: for anything else
 * (internal, pimpinan, unknown) the head is the same generic one, so it reveals nothing. With the
 * public address set, links are absolute (link previews in chat apps want an absolute og:url);
 * without it they stay relative rather than trust the request's Host header.
 */
export function portalHead(svc: PortalService, publicUrl: string | null = null) {
  const origin = publicUrl ?? '';
  return async (entry: PageEntry, path: string, query: Record<string, string>): Promise<string | null> => {
    if (entry !== 'portal') return null;
    const lang = query.lang === 'en' ? 'en' : 'id';
    const slug = typeof query.tenant === 'string' ? query.tenant : null;
    const tenant = await svc.tenantOf(slug).catch(() => null);
    const tName = tenant?.name ?? 'Pantau';
    const T = TEXT[lang];
    const clean = path.replace(/\/+$/, '') || '/';
    let title: string, description: string;
    let hidden = false;
    let ld: Record<string, unknown> = { '@context': 'https://schema.org', '@type': 'WebSite', name: `Pantau — ${tName}`, inLanguage: lang };
    const cam = clean.match(/^\/kamera\/([^/]+)$/);
    if (cam) {
      const c = /^[0-9a-f-]{36}$/i.test(cam[1]!) ? await svc.publicCamera(slug, cam[1]!) : null;
      [title, description] = c ? T.camera(c.name, c.regionName) : T.cameraGeneric(tName);
      // not public (or not there): the same head for every such id, pointing home, kept out of indexes
      hidden = !c;
      if (c) ld = { '@context': 'https://schema.org', '@type': 'Place', name: c.name, address: { '@type': 'PostalAddress', addressRegion: c.regionName, addressCountry: 'ID' }, geo: { '@type': 'GeoCoordinates', latitude: c.lat, longitude: c.lng } };
    } else if (clean === '/statistik') {
      [title, description] = T.stats(tName);
      ld = { '@context': 'https://schema.org', '@type': 'Dataset', name: title, description, inLanguage: lang, creator: { '@type': 'GovernmentOrganization', name: tName } };
    } else if (clean === '/lapor') [title, description] = T.report(tName);
    else if (clean.startsWith('/lacak')) [title, description] = T.track(tName);
    else [title, description] = T.home(tName);
    // a ticket in the path is the reporter's own business: canonical and og:url leave it out
    const canonicalPath = hidden ? '/' : clean.startsWith('/lacak') ? '/lacak' : clean;
    const qs = (l: 'id' | 'en') => { const p = new URLSearchParams(); if (slug) p.set('tenant', slug); if (l === 'en') p.set('lang', 'en'); const s = p.toString(); return s ? `?${s}` : ''; };
    const url = (l: 'id' | 'en') => origin + canonicalPath + qs(l);
    const e = escapeHtml;
    return [
      `<title>${e(title)}</title>`,
      `<meta name="description" content="${e(description)}">`,
      `<meta http-equiv="content-language" content="${lang}">`,
      `<link rel="canonical" href="${e(url(lang))}">`,
      `<link rel="alternate" hreflang="id" href="${e(url('id'))}">`,
      `<link rel="alternate" hreflang="en" href="${e(url('en'))}">`,
      `<meta property="og:type" content="website">`,
      `<meta property="og:site_name" content="Pantau — ${e(tName)}">`,
      `<meta property="og:title" content="${e(title)}">`,
      `<meta property="og:description" content="${e(description)}">`,
      `<meta property="og:url" content="${e(url(lang))}">`,
      `<meta property="og:locale" content="${lang === 'en' ? 'en_US' : 'id_ID'}">`,
      hidden || clean.startsWith('/lacak') ? '<meta name="robots" content="noindex">' : '',
      `<script type="application/ld+json">${jsonLd(ld)}</script>`,
    ].filter(Boolean).join('\n    ');
  };
}

const xmlEsc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** `robots.txt` (the console and API are not for crawlers) and `sitemap.xml` (pages and public cameras). */
export function seoRoutes(app: FastifyInstance, svc: PortalService, publicUrl: string | null = null): void {
  // sitemaps need absolute URLs: the configured address, else the one the request came to
  const base = (req: { protocol: string; headers: { host?: string } }) => publicUrl ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  const config = { rateLimit: { max: 60, timeWindow: '1 minute' } };
  app.get('/robots.txt', { config, schema: { hide: true } }, async (req, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(
      ['User-agent: *', 'Allow: /$', 'Allow: /kamera/', 'Allow: /statistik', 'Allow: /lapor', 'Disallow: /api/', 'Disallow: /lacak', 'Disallow: /login', 'Disallow: /layar', `Sitemap: ${base(req)}/sitemap.xml`, ''].join('\n'),
    ),
  );
  app.get('/sitemap.xml', { config, schema: { hide: true } }, async (req, reply) => {
    const b = base(req);
    // the public tier only, whoever asks: a crawler's cookie must not put official cameras in an index
    const t = await svc.tenantOf(null);
    const { cameras } = await svc.cameras({ tier: 'public', tenantId: t.id, regionCodes: [], actor: null }, {});
    const urls = ['/', '/statistik', '/lapor', ...cameras.map((c) => `/kamera/${c.id}`)];
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${xmlEsc(b + u)}</loc></url>`).join('\n')}\n</urlset>\n`;
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=600').send(body);
  });
}
