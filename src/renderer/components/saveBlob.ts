// Hands a file to the browser's (or Electron's) download: one copy for the panels that offer files
// (review statistics, campaign reports).

/** Starts the download of `blob` under `fileName`; the object URL is freed once the click has used it. */
export function saveBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

/** The bytes of a base64 answer (the PDF and .docx methods send files that way). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}
