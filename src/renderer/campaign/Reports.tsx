// The campaign reports of the district (communeCode null) or of one commune, as PDF or Word.
import { useState } from 'react';
import { useApi, useErrorToast } from '../components/common';
import { base64Bytes, saveBlob } from '../components/saveBlob';
import { useCampaignT } from './dict';

export function Reports({ communeCode }: { communeCode: string | null }) {
  const c = useCampaignT();
  const api = useApi();
  const showError = useErrorToast();
  const [busy, setBusy] = useState(false);
  const get = async (kind: 'pdf' | 'docx') => {
    setBusy(true);
    try {
      const r = await api.invoke(kind === 'pdf' ? 'campaign.reportPdf' : 'campaign.reportDocx', { communeCode });
      const type = kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      saveBlob(new Blob([base64Bytes(r.base64)], { type }), r.fileName);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const who = communeCode ? 'commune' : 'district';
  return (
    <div className="campaign-actions">
      <button disabled={busy} onClick={() => void get('pdf')} data-testid={`campaign-report-${who}-pdf`}>
        {c(`report.${who}.pdf`)}
      </button>
      <button disabled={busy} onClick={() => void get('docx')} data-testid={`campaign-report-${who}-docx`}>
        {c(`report.${who}.docx`)}
      </button>
      {busy && <span className="muted">{c('report.busy')}</span>}
    </div>
  );
}
