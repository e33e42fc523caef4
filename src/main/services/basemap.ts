// Handlers of the base-map methods and the base-map part of the binary responder.
import type { basemapMethods } from '../../shared/contract/basemap';
import type { BinaryResponse } from '../http/range';
import type { HandlersFor, ServiceContext } from './context';

export function basemapHandlers(_ctx: ServiceContext): HandlersFor<typeof basemapMethods> {
  return {};
}

/** Answer /bin/basemaps/… requests; null when the path is not ours. */
export function basemapBinary(_ctx: ServiceContext, path: string, _range: string | undefined): Promise<BinaryResponse | null> | BinaryResponse | null {
  if (!path.startsWith('basemaps/')) return null;
  return null;
}
