// The frame of the floating feature panels (review on the right; campaign and verification on the
// left): one box, a head with the title and a close button, then the panel's own content. The frame's
// look is one rule set in styles.css keyed by each panel's class prefix; each panel's own file keeps
// its place, width and stacking.
import type { ReactNode, Ref } from 'react';

interface Props {
  /** The class prefix: `<kind>-panel` on the frame, `<kind>-head` on the head, `<kind>-x` on the close button. */
  kind: string;
  /** The head's title, and the frame's accessible name. */
  title: string;
  /** The close button's tooltip. */
  closeTitle: string;
  onClose: () => void;
  testId: string;
  closeTestId?: string;
  /** A panel that takes the keyboard like a dialog says so (the campaign panel). */
  role?: 'dialog';
  /** Names the close button by `closeTitle` for screen readers too (otherwise its name is "×"). */
  labelClose?: boolean;
  /** The frame's element, for panels that keep the map clear of themselves (the review panel's zoom). */
  panelRef?: Ref<HTMLElement>;
  children: ReactNode;
}

export function FloatingPanel({ kind, title, closeTitle, onClose, testId, closeTestId, role, labelClose, panelRef, children }: Props) {
  return (
    <aside className={`${kind}-panel`} data-testid={testId} role={role} aria-label={title} ref={panelRef}>
      <header className={`${kind}-head`}>
        <h2>{title}</h2>
        <button className={`${kind}-x`} onClick={onClose} title={closeTitle} aria-label={labelClose ? closeTitle : undefined} data-testid={closeTestId}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
