// Import wizard: choose the file, preview it (its X/Y columns and points on a small map), map it to a
// layer and fields, choose the CRS (with the 200 m warning; fixed formats say so, guesses say they
// are guesses), see what is already in the project and which rings are open, run it as a job with a
// progress bar and cancel. The CRS belongs to one file and never carries over to the next; the
// target layer and fixed values are the session's and stay. State and actions: import/useImportWizard.
import type { ProjectInfo } from '../../shared/api';
import { FileStep } from './import/FileStep';
import { MapStep } from './import/MapStep';
import { PreviewStep } from './import/PreviewStep';
import { RunStep } from './import/RunStep';
import { useImportWizard } from './import/useImportWizard';

export function ImportWizard({ info }: { info: ProjectInfo }) {
  const w = useImportWizard(info);
  const { preview, current } = w;
  return (
    <div className="xc-wizard">
      <FileStep w={w} />
      <PreviewStep w={w} />
      {preview && current && <MapStep w={w} preview={preview} current={current} />}
      {preview && current && w.mapping.table && <RunStep w={w} current={current} />}
    </div>
  );
}
