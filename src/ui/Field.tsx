/**
 * One labelled control per setting, driven by its schema row: the row gives the range, the allowed
 * values and the hint text, and `parseValue` validates what was typed exactly as it validates a URL.
 *
 * Typed values are committed on Enter or when the field loses focus, and a slider when it is
 * released, so a half-typed number or a drag does not restart training at every keystroke or pixel.
 */
import { useId, useState, type ReactNode } from 'react';
import { checkCombination, parseValue } from '../state/query';
import { SCHEMA, type Key, type Settings } from '../state/schema';
import { ACTIVATION_LABEL, SETTING_LABEL } from './labels';

type KeyOfKind<Kind> = { [K in Key]: (typeof SCHEMA)[K]['kind'] extends Kind ? K : never }[Key];
export type NumberKey = KeyOfKind<'int' | 'float' | 'autoint'>;
export type EnumKey = KeyOfKind<'enum'>;
export type BoolKey = KeyOfKind<'bool'>;

export interface FieldProps<K extends Key> {
  readonly k: K;
  readonly settings: Settings;
  readonly onChange: (next: Settings) => void;
}

/** Apply one key, or say why the result cannot run (e.g. more informative features than features). */
function withValue(settings: Settings, k: Key, value: Settings[Key]): { next: Settings } | { error: string } {
  const next = { ...settings, [k]: value } as Settings;
  const problems = checkCombination(next);
  return problems.length > 0 ? { error: problems[0].message } : { next };
}

function Shell({ id, k, error, children }: { id: string; k: Key; error: string | null; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} title={SCHEMA[k].doc}>{SETTING_LABEL[k] ?? k}</label>
      {children}
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}

export function NumberField({ k, settings, onChange }: FieldProps<NumberKey>) {
  const id = useId();
  const row = SCHEMA[k];
  const value = settings[k];
  // What is being typed, and the value it started from: if the setting changes from elsewhere
  // (another control, "Back to the notebook's settings"), the stale text is dropped.
  const [edit, setEdit] = useState<{ text: string; base: number | null; error: string | null } | null>(null);
  const current = edit && edit.base === value ? edit : null;
  const draft = current?.text ?? null;
  const error = current?.error ?? null;
  const commit = () => {
    if (draft === null) return;
    const parsed = parseValue(k, draft);
    const result = parsed.ok ? withValue(settings, k, parsed.value) : { error: parsed.message };
    if ('error' in result) {
      setEdit({ text: draft, base: value, error: result.error });
      return;
    }
    setEdit(null);
    if (result.next[k] !== value) onChange(result.next);
  };
  return (
    <Shell id={id} k={k} error={error}>
      <input id={id} type="number" min={row.min} max={row.max} step={row.kind === 'float' ? 'any' : 1}
        placeholder={row.kind === 'autoint' ? 'all' : undefined}
        value={draft ?? (value === null ? '' : String(value))}
        aria-invalid={error !== null} aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setEdit({ text: e.target.value, base: value, error })}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        // The spinner buttons and arrow keys step the value: take it as soon as they let go.
        onMouseUp={commit}
        onKeyUp={(e) => (e.key === 'ArrowUp' || e.key === 'ArrowDown') && commit()} />
    </Shell>
  );
}

/** A 0–max slider for a float row (dropout), showing its value. */
export function SliderField({ k, settings, onChange, step }: FieldProps<NumberKey> & { step: number }) {
  const id = useId();
  const row = SCHEMA[k];
  const value = settings[k] ?? row.min;
  const [draft, setDraft] = useState<number | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    if (draft !== value) onChange({ ...settings, [k]: draft });
  };
  const shown = draft ?? value;
  return (
    <Shell id={id} k={k} error={null}>
      <div className="slider">
        <input id={id} type="range" min={row.min} max={row.max} step={step} value={shown}
          onChange={(e) => setDraft(Number(e.target.value))}
          onPointerUp={commit} onKeyUp={commit} onBlur={commit} />
        <output htmlFor={id}>{shown.toFixed(2)}</output>
      </div>
    </Shell>
  );
}

export function SelectField({ k, settings, onChange }: FieldProps<EnumKey>) {
  const id = useId();
  const row = SCHEMA[k];
  const isActivation = k === 'actA' || k === 'actB';
  return (
    <Shell id={id} k={k} error={null}>
      <select id={id} value={settings[k]} onChange={(e) => onChange({ ...settings, [k]: e.target.value })}>
        {row.values.map((v) => (
          <option key={v} value={v}>
            {isActivation ? ACTIVATION_LABEL[v as keyof typeof ACTIVATION_LABEL] : v}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField({ k, settings, onChange }: FieldProps<BoolKey>) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={settings[k]} onChange={(e) => onChange({ ...settings, [k]: e.target.checked })} />
      <label htmlFor={id} title={SCHEMA[k].doc}>{SETTING_LABEL[k] ?? k}</label>
    </div>
  );
}
