// The print dialog's state in one place: the project's base maps, the sheet's settings, the live
// preview, the saved layouts, the PDF job, Escape and the blocks dragged on the preview.
import { useState } from 'react';
import { chosenBaseMaps } from '../base-map-order';
import { useBlockDrag } from './useBlockDrag';
import { useEscapeToClose } from './useEscapeToClose';
import { useLayouts } from './useLayouts';
import { useLivePreview } from './useLivePreview';
import { usePrintBasemaps } from './usePrintBasemaps';
import { usePrintJob } from './usePrintJob';
import { useSheetSettings } from './useSheetSettings';

export function usePrintDialog(onClose: () => void) {
  const basemaps = usePrintBasemaps();
  const sheet = useSheetSettings(basemaps);
  const { settings, patch } = sheet;
  const [series, setSeries] = useState(false);
  const shownByDefault = basemaps ? chosenBaseMaps(basemaps, undefined).join(' ') : '';
  const preview = useLivePreview(settings, shownByDefault);
  const rep = preview.composed?.report;
  const layouts = useLayouts(settings, sheet.setSettings, basemaps, rep?.title);
  const job = usePrintJob(settings, series);
  useEscapeToClose(onClose);
  const drag = useBlockDrag(preview.composed, settings, patch);
  const printsBasemaps = !!basemaps && chosenBaseMaps(basemaps, settings.baseMaps).length > 0;
  return { basemaps, ...sheet, series, setSeries, ...preview, rep, layouts, job, drag, printsBasemaps };
}

export type PrintDialogState = ReturnType<typeof usePrintDialog>;
