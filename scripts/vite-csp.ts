// Vite plugin: the Content-Security-Policy of the app. The page may load only its own origin;
// its workers (the analysis and import workers, MapLibre's) are same-origin files, blob: kept for
// worker fallbacks; images may be data:/blob: (canvas exports, MapLibre sprites); inline styles
// are needed by MapLibre and React style props. Sent as a header by `vite preview` and `vite`
// (dev adds what its hot reload needs: an inline React-refresh preamble and a WebSocket), and
// written into the built index.html as a <meta http-equiv> for servers that send no header.
import type { Plugin } from 'vite';

const COMMON = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy of the built app as a <meta> carries it (frame-ancestors only works as a header). */
export const CSP_META = COMMON.join('; ');
/** The policy header of the built app (README「在内网部署」uses the same text for nginx). */
export const CSP_HEADER = [...COMMON, "frame-ancestors 'self'"].join('; ');
const CSP_DEV = CSP_HEADER.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self' data: blob:", "connect-src 'self' data: blob: ws: wss:");

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'one-map-csp',
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', CSP_DEV);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', CSP_HEADER);
        next();
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html; // dev: the header alone (the meta would block hot reload)
        return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
      },
    },
  };
}
