// What the composer says about the sheet: scale, grid and sheets, mismatches and warnings, or why
// it cannot be drawn.
import { groupThousands } from '../../../shared/symbology';
import { useI18n } from '../../i18n';
import { usePrintT } from '../dict';
import type { PrintDialogState } from './usePrintDialog';

export function ComposeReport({ d }: { d: PrintDialogState }) {
  const p = usePrintT();
  const { pick } = useI18n();
  const { rep, composeError } = d;
  return (
    <div className="print-report" data-testid="print-report">
      {composeError && <div className="print-error" role="alert" data-message="error">{composeError}</div>}
      {rep && !composeError && (
        <>
          <div>{p('report.scale', { scale: groupThousands(rep.scale), grid: groupThousands(rep.gridStepM), sheets: rep.sheets })}</div>
          {rep.mismatches.length > 0 && <div className="print-warn">{p('report.mismatch', { n: rep.mismatches.length })}</div>}
          {rep.warnings.map((w, i) => (
            <div key={i} className="print-warn">
              {pick(w)}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
