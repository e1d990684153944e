/**
 * The `experiment` command's output document, built from run outcomes. Pure, so tests and the
 * app's JSON export produce exactly what the command prints.
 */
import { KEYS, SCHEMA, type Settings } from '../state/schema';
import type { NetworkResult, RunOutcome } from '../engine/results';
import { meanStd } from '../engine/stats';

/** Every experiment setting, resolved (`informative` "auto" becomes the feature count). */
export function resolvedConfig(s: Settings): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = {};
  for (const k of KEYS) {
    if (SCHEMA[k].scope !== 'experiment') continue;
    out[k] = k === 'informative' ? (s.informative ?? s.features) : (s[k] as number | string | boolean);
  }
  return out;
}

export interface ExperimentDocument {
  config: Record<string, number | string | boolean>;
  backend: string;
  networks?: NetworkResult[];
  runs?: { initSeed: number; networks: NetworkResult[] }[];
  summary?: Record<string, { mean: number; std: number }>;
  diverged?: { epoch: number; reason: string; networks: string[] };
}

/** One seed: `networks`; several: `runs` (one per seed, A and B side by side) plus `summary`. */
export function experimentDocument(s: Settings, backend: string, outcome: RunOutcome): ExperimentDocument {
  const doc: ExperimentDocument = { config: resolvedConfig(s), backend };
  const a = outcome.results.filter((r) => r.id === 'a');
  const b = outcome.results.filter((r) => r.id === 'b');
  if (s.seeds === 1) doc.networks = [a[0], b[0]];
  else {
    doc.runs = a.map((ra, k) => ({ initSeed: ra.initSeed, networks: [ra, b[k]] }));
    doc.summary = {
      a: meanStd(a.map((r) => r.finalTestAccuracy)),
      b: meanStd(b.map((r) => r.finalTestAccuracy)),
    };
  }
  if (outcome.diverged) {
    doc.diverged = { epoch: outcome.diverged.epoch, reason: outcome.diverged.reason, networks: [...new Set(outcome.diverged.members.map((m) => outcome.members[m].network))] };
  }
  return doc;
}

/** One row per member and epoch. */
export function experimentCsv(outcome: RunOutcome): string {
  const rows = ['network,initSeed,activation,dropout,epoch,trainLoss,testLoss,trainAccuracy,testAccuracy'];
  for (const r of outcome.results) {
    r.trainLoss.forEach((_, e) => {
      rows.push([r.id, r.initSeed, r.activation, r.dropout, e, r.trainLoss[e], r.testLoss[e], r.trainAccuracy[e], r.testAccuracy[e]].join(','));
    });
  }
  return rows.join('\n') + '\n';
}
