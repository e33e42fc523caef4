// A message (a toast listing check findings) asks the map to show a feature without knowing the map:
// the drafting workspace listens (drafting/useSelection.ts) and selects and zooms to it.
export interface ShowFeatureRequest {
  table: string | null;
  id: string | null;
  extent: number[] | null;
}

const EVENT = 'quytap:show-feature';

export function requestShowFeature(r: ShowFeatureRequest): void {
  window.dispatchEvent(new CustomEvent<ShowFeatureRequest>(EVENT, { detail: r }));
}

export function onShowFeature(handler: (r: ShowFeatureRequest) => void): () => void {
  const h = (e: Event) => handler((e as CustomEvent<ShowFeatureRequest>).detail);
  window.addEventListener(EVENT, h);
  return () => window.removeEventListener(EVENT, h);
}
