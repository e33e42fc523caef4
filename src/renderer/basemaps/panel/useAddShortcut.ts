// Ctrl+Shift+B (⌘⇧B): add a base map, as the panel's "+ Thêm…" button does.
import { useEffect, type RefObject } from 'react';

export function useAddShortcut(fileInput: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && (e.key === 'B' || e.key === 'b')) {
        e.preventDefault();
        fileInput.current?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
