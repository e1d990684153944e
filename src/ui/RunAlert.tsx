/**
 * Why a run stopped early: a diverging loss (with what to try instead) or an error in the worker.
 */
import type { Divergence } from '../engine/trainer';
import type { RunInfo } from '../worker/protocol';
import { NETWORK_LETTER } from './labels';

export interface RunAlertProps {
  readonly error: string | null;
  readonly diverged: Divergence | null;
  readonly info: RunInfo | null;
}

function whichNetworks(d: Divergence, info: RunInfo | null): string {
  const letters = new Set(d.members.map((m) => info?.members[m]?.network).filter((n) => n !== undefined));
  const names = [...letters].sort().map((n) => NETWORK_LETTER[n]);
  if (names.length === 0) return 'The training loss';
  return names.length === 1 ? `Network ${names[0]}’s training loss` : `The training loss of networks ${names.join(' and ')}`;
}

const WHAT_HAPPENED: Record<Divergence['reason'], (d: Divergence) => string> = {
  nonFinite: () => 'stopped being a finite number',
  // The engine's threshold: EXPLOSION times the starting loss (see src/engine/trainer.ts).
  exploded: (d) => `jumped to ${d.loss.toFixed(1)}, far above where it started`,
};

export function RunAlert({ error, diverged, info }: RunAlertProps) {
  if (diverged) {
    return (
      <p className="alert" role="alert" data-testid="diverged">
        <strong>Diverged at epoch {diverged.epoch + 1}.</strong> {whichNetworks(diverged, info)}{' '}
        {WHAT_HAPPENED[diverged.reason](diverged)}, so training stopped there; the curves show the epochs before it.
        Try a smaller learning rate.
      </p>
    );
  }
  if (error) {
    return (
      <p className="alert" role="alert" data-testid="run-error">
        <strong>Training stopped.</strong> {error}
      </p>
    );
  }
  return null;
}
