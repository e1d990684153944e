/**
 * The finished run as the `experiment` command prints it: the same functions (resultsOf,
 * experimentDocument, experimentCsv) applied to the records the page received, so a JSON or CSV
 * saved from the page has exactly the command's shape.
 */
import { experimentCsv, experimentDocument } from '../../cli/report';
import { resultsOf, type RunOutcome } from '../../engine/results';
import type { RunView } from '../../state/run';
import type { Settings } from '../../state/schema';

/** The outcome of a finished run, or null while it has no final metrics (not done, or diverged). */
export function outcomeOf(run: Pick<RunView, 'info' | 'records' | 'final' | 'diverged'>): RunOutcome | null {
  if (!run.info || !run.final) return null;
  const members = run.info.members;
  return { members: [...members], results: resultsOf(members, run.records, run.final), diverged: run.diverged };
}

export function runJson(settings: Settings, backend: string, outcome: RunOutcome): Blob {
  const text = JSON.stringify(experimentDocument(settings, backend, outcome), null, 2) + '\n';
  return new Blob([text], { type: 'application/json' });
}

export function runCsv(outcome: RunOutcome): Blob {
  return new Blob([experimentCsv(outcome)], { type: 'text/csv' });
}
