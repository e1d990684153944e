/**
 * Which settings in the opened link could not be used, and what is used instead. Everything from
 * the URL is rendered as text (React escapes it), never as HTML.
 */
import type { SettingProblem } from '../state/query';
import { DEFAULTS, KEYS, type Key } from '../state/schema';

export interface NoticeProps {
  readonly problems: readonly SettingProblem[];
  readonly onDismiss: () => void;
}

function fallback(key: string): string {
  if (!(KEYS as readonly string[]).includes(key)) return 'ignored';
  const d = DEFAULTS[key as Key];
  return `using the default, ${d === null ? 'auto' : String(d)}`;
}

export function Notice({ problems, onDismiss }: NoticeProps) {
  if (problems.length === 0) return null;
  return (
    <section className="notice" role="status" data-testid="url-notice" aria-labelledby="notice-heading">
      <h2 id="notice-heading">
        {problems.length === 1 ? 'A setting in this link could not be used' : 'Some settings in this link could not be used'}
      </h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.key}-${i}`}>
            <code>{p.key}</code>: {p.message}; {fallback(p.key)}.
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onDismiss}>Dismiss</button>
    </section>
  );
}
