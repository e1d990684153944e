/**
 * Train, Pause, Step, Reset, and how far the run has got: the epoch counter, its status and the
 * backend it runs on (with the reason it was picked).
 */
import type { RunStatus } from '../state/run';
import type { BackendPick } from '../worker/protocol';
import type { TrainerCommands } from './useTrainer';

export interface ToolbarProps {
  readonly status: RunStatus;
  readonly epoch: number;
  readonly epochs: number;
  readonly backend: BackendPick | null;
  readonly trainMs: number | null;
  readonly commands: TrainerCommands;
}

export function Toolbar({ status, epoch, epochs, backend, trainMs, commands }: ToolbarProps) {
  const training = status === 'training';
  return (
    <div className="toolbar" role="group" aria-label="Training">
      <div className="buttons">
        <button type="button" className="primary" onClick={commands.train} disabled={training}
          title="Train to the last epoch (continues a paused run)">Train</button>
        <button type="button" onClick={commands.pause} disabled={!training} title="Stop after the current epochs">
          Pause
        </button>
        <button type="button" onClick={commands.step} disabled={training} title="Train exactly one more epoch">
          Step
        </button>
        <button type="button" onClick={commands.reset} title="Back to epoch 0 with empty charts">Reset</button>
      </div>
      <div className="progress">
        <div className="progress-text">
          <span>
            Epoch <strong data-testid="epoch">{epoch}</strong> of {epochs}
          </span>
          <span className={`status status-${status}`}>
            <span className="visually-hidden">status: </span>
            <span data-testid="status">{status}</span>
          </span>
          {status === 'done' && trainMs !== null && (
            <span className="muted">trained in {(trainMs / 1000).toFixed(1)} s</span>
          )}
        </div>
        <progress max={epochs} value={epoch} aria-label="Epochs completed">{`${epoch} of ${epochs}`}</progress>
      </div>
      {backend ? (
        <p className="backend" title={backend.reason}>
          runs on <strong data-testid="backend">{backend.name}</strong>
          <span className="backend-reason">{backend.reason}</span>
        </p>
      ) : (
        <p className="backend">The fastest TensorFlow.js backend on this device is picked when training starts.</p>
      )}
    </div>
  );
}
