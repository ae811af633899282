import type { RequestHandler } from 'express';

/** Bull Board's page asks Google Fonts for IBM Plex: the one outside address of the whole service. */
const OUTSIDE_FONT_LINK = /<link[^>]*fonts\.googleapis\.com[^>]*>\s*/g;

/**
 * Bull Board without its outside font: our CSP allows nothing from another origin, so the browser
 * only logged a refused stylesheet, and a page of ours should not name one at all. The link is taken
 * out of the HTML the board sends; the board draws in the system's sans-serif (its own fallback).
 */
export function withoutOutsideFonts(board: RequestHandler): RequestHandler {
  return (request, response, next) => {
    const send = response.send;
    response.send = function sendWithoutOutsideFonts(body?: unknown) {
      return send.call(this, typeof body === 'string' ? body.replace(OUTSIDE_FONT_LINK, '') : body);
    };
    board(request, response, next);
  };
}
