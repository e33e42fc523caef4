// Sending the approved communes to the province (rollup.publish, a job): the address (remembered in
// this browser profile, without any password), the password (sent with the one call and kept
// nowhere), the district code when the project has none, and the job's progress.
import { useState } from 'react';
import type { ProjectInfo } from '../../shared/api';
import { useApi, useErrorToast } from '../components/common';
import { useJob } from '../components/useJob';

const URL_KEY = 'quytap.rollup.url';

export function usePublish(info: ProjectInfo) {
  const api = useApi();
  const showError = useErrorToast();
  const [url, setUrl] = useState(() => localStorage.getItem(URL_KEY) ?? 'postgresql://');
  const [password, setPassword] = useState('');
  const [district, setDistrict] = useState('');
  const [allStates, setAllStates] = useState(false);
  const [job, track] = useJob();
  const needsDistrict = !info.settings.district?.code && !info.settings.district?.name;
  const running = job?.state === 'running';

  const send = async () => {
    try {
      localStorage.setItem(URL_KEY, url.trim());
      const res = await api.invoke('rollup.publish', { url: url.trim(), password, allStates, district: needsDistrict && district.trim() ? { code: district.trim(), name: '' } : null });
      setPassword('');
      track(res.job);
    } catch (e) {
      showError(e);
    }
  };
  const cancel = () => {
    if (job) api.invoke('jobs.cancel', { id: job.id }).catch(showError);
  };

  return { url, setUrl, password, setPassword, district, setDistrict, allStates, setAllStates, job, needsDistrict, running, send, cancel };
}
