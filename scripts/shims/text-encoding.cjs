// Stands in for the `text-encoding` polyfill in the bundles (scripts/build-cli.mjs, build-electron.mjs).
// The `shapefile` package requires it at load for its TextDecoder, which we never use (our .dbf reader,
// src/main/io/dbf.ts, decodes the text itself); loading the polyfill's encoding tables cost ~11 ms of
// every `quytap import`'s start. Node has had a full TextDecoder for years.
module.exports = { TextDecoder: globalThis.TextDecoder, TextEncoder: globalThis.TextEncoder };
