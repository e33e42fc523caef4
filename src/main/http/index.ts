export { startHttpServer, generateToken, DEFAULT_MAX_BODY_BYTES, type HttpServerOptions, type HttpServerHandle } from './server';
export {
  parseRange,
  bufferResponse,
  fileResponse,
  notFoundResponse,
  type BinaryResponse,
  type BinaryResponder,
  type RangeSpec,
} from './range';
export { contentSecurityPolicy, securityHeaders, type ShellMode } from './security';
export { resolveStaticFile, mimeType, MIME_TYPES } from './static';
