// jsts (JTS) is a fifth of the page's code and is needed only when a polygon is drawn, edited,
// split or merged: it is loaded once the page is idle after opening, not parsed at start.
type GeometryOps = typeof import('./geometryOps');

let loading: Promise<GeometryOps> | null = null;
let loaded: GeometryOps | null = null;

export function loadGeometryOps(): Promise<GeometryOps> {
  if (!loading) {
    loading = import('./geometryOps').then((m) => (loaded = m));
    // A failed load (a file missing from a broken install) is tried again next time.
    loading.catch(() => (loading = null));
  }
  return loading;
}

/** Runs fn with the operations: at once when they are loaded (the usual case), else when they are. */
export function withGeometryOps(fn: (ops: GeometryOps) => void, onError: (e: unknown) => void): void {
  if (loaded) fn(loaded);
  else loadGeometryOps().then(fn, onError);
}
