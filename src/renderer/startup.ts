// The first requests of a page, sent as soon as its code has run (main.tsx), before React has
// drawn anything: the app (who is operating) and the open project, then the map's reads
// (mapPrefetch.ts), those of the project opened last even before. App takes them for its first
// load; a retry asks again.
import type { ApiClient, Output, ProjectInfo } from '../shared/api';
import { FEATURE_TABLES } from '../shared/model/tables';
import { prefetchMapReads, prefetchRememberedMapReads } from './map/mapPrefetch';

interface StartRequests {
  app: Promise<Output<'app.info'>>;
  project: Promise<ProjectInfo>;
}

let first: StartRequests | null = null;

export function sendStartRequests(api: ApiClient): void {
  const app = api.invoke('app.info', {});
  // The project opened last is most likely the one open now: its reads need not wait for the answer.
  prefetchRememberedMapReads(api, FEATURE_TABLES);
  const project = api.invoke('project.info', {});
  // Failures are App's to show, when it takes these; here they must not go unhandled.
  app.catch(() => {});
  project.then((info) => prefetchMapReads(api, info, FEATURE_TABLES)).catch(() => {});
  first = { app, project };
}

/** The requests sent at start, once; null afterwards (App then asks afresh). */
export function takeStartRequests(): StartRequests | null {
  const f = first;
  first = null;
  return f;
}
