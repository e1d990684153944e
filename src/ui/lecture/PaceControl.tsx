/**
 * How fast training runs, so an instructor can narrate the curves as they form. The setting is
 * epochs per second with 0 meaning full speed (the URL's `pace`); the slider puts full speed at its
 * right end, past 30, so that moving right always means faster.
 */
import { useId } from 'react';
import { SCHEMA } from '../../state/schema';

const MAX = SCHEMA.pace.max;
/** The slider's last notch: full speed. */
const FULL = MAX + 1;

/** "full speed", "1 epoch/s", "12 epochs/s". */
export function paceText(pace: number): string {
  if (pace === 0) return 'full speed';
  return `${pace} ${pace === 1 ? 'epoch' : 'epochs'}/s`;
}

export interface PaceControlProps {
  readonly pace: number;
  readonly onChange: (pace: number) => void;
}

export function PaceControl({ pace, onChange }: PaceControlProps) {
  const id = useId();
  const text = paceText(pace);
  return (
    <div className="pace" data-part="pace">
      <label htmlFor={id}>Pace</label>
      <input id={id} type="range" min={1} max={FULL} step={1} value={pace === 0 ? FULL : pace}
        aria-valuetext={text.replace('/s', ' per second')}
        onChange={(e) => {
          const v = Number(e.target.value);
          onChange(v >= FULL ? 0 : v);
        }} />
      <output htmlFor={id} data-testid="pace-value">{text}</output>
    </div>
  );
}
