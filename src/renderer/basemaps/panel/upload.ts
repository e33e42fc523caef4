// A base-map file sent to main in pieces (one /rpc request may carry only so much), then named by
// main in its uploads folder.
import { ApiError } from '../../../shared/api-error';
import { BASEMAP_UPLOAD_PIECE_BYTES } from '../../../shared/contract/limits';
import type { useApi } from '../../components/common';
import { toBase64, uploadPieces } from './basemap-panel-logic';

/** Uploads `f`, calling `onPiece` with the percentage before each piece; returns the name main kept. */
export async function uploadInPieces(api: ReturnType<typeof useApi>, f: File, onPiece: (pct: number) => void): Promise<string> {
  const uploadId = crypto.randomUUID();
  for (const { at, last, pct } of uploadPieces(f.size, BASEMAP_UPLOAD_PIECE_BYTES)) {
    onPiece(pct);
    const piece = new Uint8Array(await f.slice(at, at + BASEMAP_UPLOAD_PIECE_BYTES).arrayBuffer());
    const r = await api.invoke('basemaps.uploadChunk', { uploadId, name: f.name, offset: at, dataBase64: toBase64(piece), last });
    if (last && r.name) return r.name;
  }
  // The last piece answered without a name: main did not keep the file.
  throw new ApiError('internal', 'Tải tệp lên không xong.', 'The upload did not finish.');
}
