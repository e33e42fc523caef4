// The base maps in the layer panel: each with visibility, opacity, order, zoom-to and remove; adding
// a file (upload in pieces → read → choose the CRS when the file does not say it → added as a job);
// the online XYZ layer, off until the user turns it on. Rows, dialogs and hooks: panel/.
import { useRef, type RefObject } from 'react';
import type { ProjectInfo } from '../../shared/api';
import type { MapController } from '../map/MapController';
import { useBasemapT } from './dict';
import { AddProgress } from './panel/AddProgress';
import { BasemapRow } from './panel/BasemapRow';
import { CrsDialog } from './panel/CrsDialog';
import { OnlineDialog } from './panel/OnlineDialog';
import { OnlineRow } from './panel/OnlineRow';
import { useAddBasemap } from './panel/useAddBasemap';
import { useAddShortcut } from './panel/useAddShortcut';
import { useBasemapActions } from './panel/useBasemapActions';
import { useOnlineLayer } from './panel/useOnlineLayer';
import { useBasemaps } from './useBasemaps';
import './basemaps.css';

interface Props {
  ctl: RefObject<MapController | null>;
  info: ProjectInfo;
}

export function BasemapPanel({ ctl, info }: Props) {
  const b = useBasemapT();
  const { list, setList, refresh } = useBasemaps(ctl, info.path);
  const fileInput = useRef<HTMLInputElement>(null);
  const add = useAddBasemap(refresh);
  useAddShortcut(fileInput);
  const actions = useBasemapActions(ctl, info, list, setList, refresh);
  const online = useOnlineLayer(setList);
  const items = list?.items;
  return (
    <section className="basemap-section" data-testid="basemap-panel">
      <div className="panel-title">
        {b('title')}
        <button className="basemap-add" onClick={() => fileInput.current?.click()} title={b('add.title')} disabled={!!add.busy} data-testid="basemap-add">
          {b('add')}
        </button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept=".mbtiles,.tif,.tiff"
        hidden
        data-testid="basemap-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void add.onFile(f);
        }}
      />
      {add.busy && <AddProgress add={add} />}
      <ul className="layer-list">
        {items?.length === 0 && <li className="muted small pad">{b('empty')}</li>}
        {items?.map((m, i) => <BasemapRow key={m.id} m={m} first={i === 0} last={i === items.length - 1} a={actions} />)}
        {list?.online && <OnlineRow online={list.online} o={online} />}
      </ul>
      {online.onlineForm && <OnlineDialog form={online.onlineForm} o={online} />}
      {add.askCrs && <CrsDialog facts={add.askCrs} crsList={add.crsList} onCancel={add.cancelAsk} onChoose={add.chooseCrs} />}
    </section>
  );
}
