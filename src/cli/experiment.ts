/**
 * `npm run experiment -- [QUERY] [--csv]`: the app's experiment, headless, on the tfjs CPU backend.
 *
 * QUERY uses the app's URL syntax ('actB=tanh&hidden=32'). Bad input exits with code 2 and a
 * message naming the key; stdout then stays empty, so a pipe never receives half a document.
 * Progress goes to stderr. Ctrl-C stops between epochs and exits 130.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { prepareData } from '../data/fromSettings';
import { runAll } from '../engine/experiment';
import { parseQuery, allowed } from '../state/query';
import { KEYS, SCHEMA } from '../state/schema';
import { experimentCsv, experimentDocument } from './report';

const USAGE = `usage: npm run experiment -- [QUERY] [--csv]

QUERY is the app's URL query, e.g. 'actB=tanh&hidden=32&epochs=60'. Keys:
${KEYS.filter((k) => SCHEMA[k].scope === 'experiment').map((k) => `  ${k.padEnd(12)} ${SCHEMA[k].doc}; ${allowed(SCHEMA[k])}, default ${String(SCHEMA[k].default ?? 'auto')}`).join('\n')}
`;

function fail(message: string): never {
  process.stderr.write(`experiment: ${message}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const queries = argv.filter((a) => !a.startsWith('--'));
  if (flags.includes('--help')) {
    process.stdout.write(USAGE);
    return;
  }
  const unknown = flags.filter((f) => f !== '--csv');
  if (unknown.length > 0) fail(`unknown option ${unknown.join(', ')}; the options are --csv and --help`);
  if (queries.length > 1) fail(`give one query (quote it: 'a=1&b=2'), got ${queries.length} arguments`);
  const { settings, problems } = parseQuery(queries[0] ?? '');
  if (problems.length > 0) fail(problems.map((p) => p.message).join('\n            '));
  const ignored = KEYS.filter((k) => SCHEMA[k].scope === 'view' && new URLSearchParams(queries[0] ?? '').has(k));
  if (ignored.length > 0) process.stderr.write(`experiment: ignoring page-only settings: ${ignored.join(', ')}\n`);

  // PROD: skip tfjs's debug checks and its console advice to install tfjs-node.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  const abort = new AbortController();
  process.on('SIGINT', () => abort.abort());
  const t0 = performance.now();
  const data = prepareData(settings);
  process.stderr.write(`data: ${data.yTrain.length} train, ${data.yTest.length} test, ${data.nFeatures} features (${(performance.now() - t0).toFixed(0)} ms)\n`);
  const outcome = await runAll(settings, data, {
    signal: abort.signal,
    onProgress: (done, total) => process.stderr.write(`\repoch ${done}/${total}`),
  });
  process.stderr.write(`\ntrained in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const d = outcome.diverged;
  if (d) {
    const what = d.reason === 'nonFinite' ? 'stopped being a finite number' : `exploded to ${d.loss.toFixed(1)}`;
    process.stderr.write(`experiment: the training loss ${what} at epoch ${d.epoch}; the run stopped there. Try a smaller learning rate.\n`);
  }
  if (flags.includes('--csv')) process.stdout.write(experimentCsv(outcome));
  else process.stdout.write(JSON.stringify(experimentDocument(settings, tf.getBackend(), outcome), null, 2) + '\n');
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof Error && e.name === 'AbortError') {
    process.stderr.write('\nexperiment: cancelled\n');
    process.exit(130);
  }
  process.stderr.write(`experiment: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
