// The import wizard's state in one place: the file's options (which start afresh with every file:
// the CRS belongs to one file and never carries over), the session's mapping (target layer and fixed
// values stay), the preview, the job, and the actions the steps call.
import { useMemo, useState } from 'react';
import type { ProjectInfo } from '../../../shared/api';
import { TABLES } from '../../../shared/model/tables';
import { useJob } from '../../components/useJob';
import { useImportsFolder } from '../useImportsFolder';
import { coordinateColumns, fileKinds, freshOptions, uploadedSelection, withSiblings, type FileOptions } from './import-options';
import { allDuplicates, crsKnown, runBlocked } from './import-steps';
import { useCrsList } from './useCrsList';
import { useImportMapping } from './useImportMapping';
import { useImportPreview } from './useImportPreview';
import { useImportRun } from './useImportRun';

export function useImportWizard(info: ProjectInfo) {
  const { files, refresh, upload } = useImportsFolder();
  const [file, setFile] = useState<FileOptions>(() => freshOptions([]));
  const patchFile = (p: Partial<FileOptions>) => setFile((f) => ({ ...f, ...p }));
  const mapping = useImportMapping(file.selected, file.layer);
  const [job, setJob] = useJob();
  const crsList = useCrsList();
  const names = useMemo(() => files?.imports.map((f) => f.name) ?? [], [files]);
  const { preview, reading } = useImportPreview(file, mapping);
  const current = preview?.layers.find((l) => l.name === file.layer) ?? preview?.layers[0];

  /** A new file: everything that belongs to the file starts afresh (its CRS above all); the target layer and fixed values stay. */
  const startFile = (selected: string[]) => {
    setFile(freshOptions(selected));
    mapping.setMapFor('');
    setJob(null);
  };
  const choose = (name: string) => startFile(withSiblings(name, names));
  const onUpload = async (list: FileList | null) => {
    if (!list?.length) return;
    const chosen = uploadedSelection(await upload(list));
    if (chosen) startFile(chosen);
  };

  const known = crsKnown(file.crs, current);
  const running = job?.state === 'running';
  const crsName = (code: string | null) => (code ? (crsList.find((c) => c.code === code)?.name ?? code) : '—');
  const { run, cancel } = useImportRun(file, mapping, current, job, setJob);
  const blocked = !!mapping.table && runBlocked({ running, crsKnown: known, kind: TABLES[mapping.table].kind, allDuplicates: allDuplicates(current), dupImport: file.dupImport });

  return {
    info, file, patchFile, mapping, names, refresh, choose, onUpload, preview, reading, current, crsList, crsName,
    kinds: fileKinds(file.selected), columns: coordinateColumns(current), crsKnown: known, job, running, run, cancel, blocked,
  };
}

export type ImportWizardState = ReturnType<typeof useImportWizard>;
