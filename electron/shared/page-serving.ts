// How the page is served, the same in both shells: the desktop's fazhi://app protocol
// (electron/main/protocol.ts) and the web bridge (electron/bridge/server.ts); the page's
// web transport sends the token header. Plain constants: no Node, no Electron.

/** No remote origin: scripts, styles and requests stay on this page's origin. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The web bridge's per-run token travels in this request header. */
export const TOKEN_HEADER = 'x-fazhi-token';

/** Content types of the built page's files, by extension. */
export const STATIC_MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
