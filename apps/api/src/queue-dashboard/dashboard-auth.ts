import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '@pdca/kernel';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'pdca_queue_dashboard';

type Verify = (token: string) => Actor;
type Problem = { status: 401 | 403; code: string; ja: string; en: string };

const TOKEN = /^[A-Za-z0-9_.-]{10,4096}$/;

/**
 * The dashboard is plain Express (Bull Board), outside Nest's guards, so it checks the same bearer
 * tokens itself: planning office only. A browser cannot send an Authorization header when it
 * navigates, so `?access_token=` is accepted once: it becomes an HttpOnly, SameSite=Strict cookie
 * scoped to the dashboard (scripts cannot read it, other sites cannot send it, which also keeps
 * the dashboard's own POST/PUT calls safe from cross-site requests), and the browser is
 * redirected to the same address without the token, so it stays out of history and logs.
 */
export function dashboardAuth(verify: Verify, options: { maxAgeSeconds: number; secure: boolean }) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const fromQuery = typeof request.query.access_token === 'string' ? request.query.access_token : undefined;
    const token = bearerOf(request) ?? fromQuery ?? cookieOf(request, DASHBOARD_COOKIE);
    const problem = check(verify, token);
    if (problem) return refuse(response, problem);
    if (fromQuery && !bearerOf(request)) return rememberAndRedirect(request, response, fromQuery, options);
    next();
  };
}

function check(verify: Verify, token: string | undefined): Problem | undefined {
  if (!token || !TOKEN.test(token)) {
    return { status: 401, code: 'UNAUTHENTICATED', ja: 'ログインが必要です（有効なアクセストークンを指定してください）。', en: 'A valid bearer token is required.' };
  }
  let actor: Actor;
  try {
    actor = verify(token);
  } catch (error) {
    return { status: 401, code: 'UNAUTHENTICATED', ja: 'ログインが必要です（有効なアクセストークンを指定してください）。', en: `A valid bearer token is required (${(error as Error).message}).` };
  }
  if (actor.role === 'planning_office') return undefined;
  return { status: 403, code: 'ROLE_NOT_ALLOWED', ja: '督促キューの管理画面は企画課のみ利用できます。', en: 'Only the planning office may open the queue dashboard.' };
}

function refuse(response: Response, problem: Problem): void {
  if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(problem.status).json({ statusCode: problem.status, code: problem.code, message: { ja: problem.ja, en: problem.en } });
}

function rememberAndRedirect(request: Request, response: Response, token: string, options: { maxAgeSeconds: number; secure: boolean }): void {
  const attributes = [`Path=${DASHBOARD_PATH}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${options.maxAgeSeconds}`, ...(options.secure || request.secure ? ['Secure'] : [])];
  response.setHeader('Set-Cookie', `${DASHBOARD_COOKIE}=${token}; ${attributes.join('; ')}`);
  const url = new URL(request.originalUrl, 'http://dashboard.invalid');
  url.searchParams.delete('access_token');
  response.redirect(303, `${url.pathname}${url.search}`);
}

function bearerOf(request: Request): string | undefined {
  return /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
}

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
