// Help where the work is: a side panel of short how-tos for the panel in use (drafting, import,
// print, review), opened by the "?" button or F1 anywhere, beside the work rather than over it.
import { useEffect, useState } from 'react';
import { TOOL_BUTTONS } from '../drafting/Toolbar';
import { useD } from '../drafting/dict';
import { useI18n } from '../i18n';
import { HOW_TOS, useT } from './dict';

export type HelpTopic = keyof typeof HOW_TOS;
const TOPICS: HelpTopic[] = ['drafting', 'import', 'print', 'review'];

/** The panel in use now, judged by what is open on the screen. */
export function topicInUse(doc: Document = document): HelpTopic {
  if (doc.querySelector('[data-testid="print-dialog"]')) return 'print';
  if (doc.querySelector('[data-testid="exchange-dialog"]')) return 'import';
  if (doc.querySelector('[data-testid="review-panel"]')) return 'review';
  return 'drafting';
}

export function HelpButton() {
  const tt = useT();
  const [topic, setTopic] = useState<HelpTopic | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1') {
        e.preventDefault();
        setTopic((t) => (t ? null : topicInUse()));
      } else if (e.key === 'Escape') {
        setTopic(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button className="top-btn" title={tt('help.button')} aria-label={tt('help.button')} data-testid="help-button" onClick={() => setTopic((t) => (t ? null : topicInUse()))}>
        ?
      </button>
      {topic && <HelpPanel topic={topic} onTopic={setTopic} onClose={() => setTopic(null)} />}
    </>
  );
}

function HelpPanel({ topic, onTopic, onClose }: { topic: HelpTopic; onTopic: (t: HelpTopic) => void; onClose: () => void }) {
  const tt = useT();
  const d = useD();
  const { pick } = useI18n();
  return (
    <aside className="help-panel" role="complementary" aria-label={tt('help.title')} data-testid="help-panel" data-topic={topic}>
      <header>
        <b>{tt('help.title')}</b>
        <button className="btn btn-small help-close" onClick={onClose} data-testid="help-close">
          {tt('help.close')}
        </button>
      </header>
      <div className="help-tabs" role="tablist">
        {TOPICS.map((t) => (
          <button key={t} role="tab" aria-selected={t === topic} className={`btn btn-small${t === topic ? ' on' : ''}`} onClick={() => onTopic(t)} data-testid={`help-tab-${t}`}>
            {tt(`help.tab.${t}`)}
          </button>
        ))}
      </div>
      <ol data-testid="help-howtos">
        {HOW_TOS[topic].map((h, i) => (
          <li key={i}>{pick(h)}</li>
        ))}
      </ol>
      {topic === 'drafting' && (
        <>
          <h4>{tt('help.tools')}</h4>
          <table className="help-keys">
            <tbody>
              {TOOL_BUTTONS.map((b) => (
                <tr key={b.tool}>
                  <td aria-hidden="true">{b.icon}</td>
                  <td>
                    <kbd>{b.shortcut}</kbd>
                  </td>
                  <td>{d(b.key)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}
