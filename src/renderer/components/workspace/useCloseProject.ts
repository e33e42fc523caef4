// Closing the project once: main closes the file first, then the start screen shows.
import { useState } from 'react';
import { useApi, useErrorToast } from '../common';

export function useCloseProject(onClose: () => void) {
  const api = useApi();
  const showError = useErrorToast();
  const [closing, setClosing] = useState(false);
  return () => {
    if (closing) return;
    setClosing(true);
    api
      .invoke('project.close', {})
      .catch(showError)
      .finally(onClose);
  };
}
