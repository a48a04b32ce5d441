/** Credentials pulled out of an RTSP URL so that no URL we store or show carries a password. */
export interface SplitUrl {
  url: string;
  username: string | null;
  password: string | null;
}

export function splitUrlCredentials(raw: string): SplitUrl {
  const u = new URL(raw);
  const username = u.username ? decodeURIComponent(u.username) : null;
  const password = u.password ? decodeURIComponent(u.password) : null;
  u.username = '';
  u.password = '';
  return { url: u.toString(), username, password };
}

/** The credentials to store: explicit fields win over those in the URL. */
export function pickCredentials(explicit: { username?: string | null; password?: string | null }, fromUrl: SplitUrl): { username: string; password: string } | null {
  const username = explicit.username ?? fromUrl.username;
  const password = explicit.password ?? fromUrl.password;
  if (!username && !password) return null;
  return { username: username ?? '', password: password ?? '' };
}
