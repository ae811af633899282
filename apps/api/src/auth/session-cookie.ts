import { parseCookie, stringifySetCookie } from 'cookie';

/** The browser session: the signed token itself, in a cookie scripts cannot read. */
export const SESSION_COOKIE = 'pdca_session';

export function sessionCookieOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookie(cookieHeader)[SESSION_COOKIE] || undefined;
}

/**
 * HttpOnly: page scripts never hold the token. SameSite=Strict: no other site can make the browser
 * send it. Path=/ because the web app and the API share the origin. Secure when the service is
 * served over https (PUBLIC_BASE_URL), so a development http://localhost still works.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return stringifySetCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    maxAge: maxAgeSeconds,
    secure,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return stringifySetCookie(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    maxAge: 0,
    expires: new Date(0),
    secure,
  });
}
