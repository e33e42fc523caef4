// One place for the Content-Security-Policy and the other security headers, shared by the HTTP
// adapter (browser mode) and the Electron shell (custom protocol responses and onHeadersReceived).
//
// Why each directive:
// - default-src/script-src 'self': only our own bundled scripts run; no inline script, no eval, so
//   an attribute value that slipped into the DOM cannot execute.
// - style-src 'unsafe-inline': React and OpenLayers set inline styles; styles cannot run code.
// - img-src data: blob:: OpenLayers canvases, symbol sprites and exported images. quytap: (Electron
//   only) is our custom protocol for tiles and rasters.
// - connect-src: the page talks only to its own origin (HTTP mode: /rpc, /events, /bin) or quytap:.
// - object-src 'none', base-uri 'none', form-action 'none', frame-ancestors 'none': no plugins, no
//   <base> hijack, no form posts elsewhere, no framing (click-jacking).
// No remote origin appears anywhere: an online base map, when the user adds one, must be added here
// explicitly through `extraImgSrc`.

export type ShellMode = 'electron' | 'browser';

export function contentSecurityPolicy(mode: ShellMode, extraImgSrc: readonly string[] = []): string {
  const custom = mode === 'electron' ? ' quytap:' : '';
  const extra = extraImgSrc.length ? ` ${extraImgSrc.join(' ')}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${custom}${extra}`,
    `connect-src 'self'${custom}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers put on every response of the HTTP adapter (and on the Electron protocol's responses). */
export function securityHeaders(mode: ShellMode): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(mode),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    // Other sites may not embed our responses (e.g. an <img> pointing at /bin/…), nor share our
    // browsing context group.
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    // Deliberately no Access-Control-Allow-* header: cross-origin pages get nothing.
  };
}
