/**
 * Checks "Copy as PyTorch" for real: for each query, writes the exported script, runs it with a
 * Python that has numpy, scikit-learn and torch (PYTHON, default `python3`), and compares every
 * epoch's losses and the final accuracies with this engine's (tfjs CPU backend).
 *
 *   PYTHON=/path/to/python npm run verify:pytorch [-- 'query' ...]
 *
 * Not part of `npm test`: the project's tests do not depend on Python.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { prepareData } from '../src/data/fromSettings';
import { runAll } from '../src/engine/experiment';
import { pytorchScript } from '../src/export/pytorch';
import { parseQuery } from '../src/state/query';

const QUERIES = [
  '',
  'actB=tanh&hidden=32&lr=0.01&epochs=60',
  'samples=1500&features=30&actA=leaky_relu&actB=gelu&layers=2&epochs=50&lr=0.005',
  'samples=1500&features=30&dropB=0.5&dropA=0.2&epochs=50&lr=0.01',
  'samples=1500&features=30&batch=128&optimizer=momentum&lr=0.01&wd=0.001&epochs=20',
  'samples=1500&features=30&batch=100&optimizer=sgd&lr=0.1&actB=silu&epochs=20&standardize=1',
  'lesson=moons&epochs=100',
  'lesson=circles&epochs=100&actB=elu',
  'lesson=xor&epochs=100&actB=sigmoid&layers=3',
  'samples=1000&features=20&seeds=2&sameInit=0&initSeed=3&epochs=30',
];

const python = process.env.PYTHON ?? 'python3';
const dir = mkdtempSync(join(tmpdir(), 'pytorch-export-'));
tf.env().set('PROD', true);
await tf.setBackend('cpu');

let worst = 0;
for (const query of process.argv.length > 2 ? process.argv.slice(2) : QUERIES) {
  const { settings, problems } = parseQuery(query);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  const file = join(dir, 'run.py');
  writeFileSync(file, pytorchScript(settings));
  const out = execFileSync(python, [file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ours = await runAll(settings, prepareData(settings));
  // The script prints the networks in the app's member order, epoch lines then a final line each.
  const blocks = out.split(/^network \w, init seed \d+, /m).slice(1);
  let lossDiff = 0;
  let accDiff = 0;
  blocks.forEach((block, m) => {
    const epochs = [...block.matchAll(/train loss ([\d.e-]+)\s+test loss ([\d.e-]+)/g)];
    epochs.forEach((e, i) => {
      lossDiff = Math.max(lossDiff, Math.abs(Number(e[1]) - ours.results[m].trainLoss[i]), Math.abs(Number(e[2]) - ours.results[m].testLoss[i]));
    });
    const fin = /final train accuracy ([\d.]+), final test accuracy ([\d.]+)/.exec(block);
    if (!fin || epochs.length !== settings.epochs) throw new Error(`unexpected output for "${query}":\n${block.slice(0, 500)}`);
    accDiff = Math.max(accDiff, Math.abs(Number(fin[2]) - ours.results[m].finalTestAccuracy), Math.abs(Number(fin[1]) - ours.results[m].finalTrainAccuracy));
  });
  worst = Math.max(worst, lossDiff);
  console.log(`${lossDiff < 1e-3 ? 'ok  ' : 'FAIL'} max |Δloss| ${lossDiff.toExponential(2)}  max |Δacc| ${accDiff.toFixed(4)}  ${blocks.length} networks  ${query || '(defaults)'}`);
}
console.log(`worst per-epoch loss difference: ${worst.toExponential(2)}`);
process.exit(worst < 1e-3 ? 0 : 1);
