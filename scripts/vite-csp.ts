// Vite plugin: the Content-Security-Policy of the app. The page may load only its own origin;
// its workers (the analysis and import workers, MapLibre's) are same-origin files, blob: kept for
// worker fallbacks; images may be data:/blob: (canvas exports, MapLibre sprites); inline styles
// are needed by MapLibre and React style props. Sent as a header by `vite preview` and `vite`
// (dev adds what its hot reload needs: an inline React-refresh preamble and a WebSocket), and
// written into the built index.html as a <meta http-equiv> for servers that send no header.
// 'wasm-unsafe-eval' lets the page compile WebAssembly (sql.js, which reads an .mbtiles basemap)
// — it does not allow eval() of script. An intranet tile server on another origin is added to
// connect-src and img-src by building with ONE_MAP_BASEMAP_ORIGINS="http://tiles.example.internal"
// (space- or comma-separated; README「在内网部署」), and nothing else is.
import type { Plugin } from 'vite';

/** The origins named at build time, checked to be bare http(s) origins (a typo must not widen the policy). */
export function basemapOrigins(env = process.env.ONE_MAP_BASEMAP_ORIGINS ?? ''): string[] {
  return env
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((o) => {
      const u = new URL(o);
      if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin !== o.replace(/\/$/, '')) throw new Error(`ONE_MAP_BASEMAP_ORIGINS: "${o}" is not an origin like http://tiles.county.internal`);
      return u.origin;
    });
}

const EXTRA = basemapOrigins().map((o) => ` ${o}`).join('');
const COMMON = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  `img-src 'self' data: blob:${EXTRA}`,
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  `connect-src 'self' data: blob:${EXTRA}`,
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
