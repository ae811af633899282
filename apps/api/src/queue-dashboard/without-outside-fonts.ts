import type { FastifyReply, FastifyRequest } from 'fastify';

/** Bull Board's page asks Google Fonts for IBM Plex: the one outside address of the whole service. */
const OUTSIDE_FONT_LINK = /<link[^>]*fonts\.googleapis\.com[^>]*>\s*/g;

/**
 * Bull Board without its outside font: our CSP allows nothing from another origin, so the browser
 * only logged a refused stylesheet, and a page of ours should not name one at all. An onSend hook of
 * the board's scope takes the link out of the HTML the board sends; the board draws in the system's
 * sans-serif (its own fallback).
 */
export async function withoutOutsideFonts(
  _request: FastifyRequest,
  _reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  return typeof payload === 'string' ? payload.replace(OUTSIDE_FONT_LINK, '') : payload;
}
