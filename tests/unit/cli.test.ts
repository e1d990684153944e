/** The `experiment` command as a user runs it: exit codes, stdout/stderr, JSON and CSV shapes. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function run(args: string[], onStderr?: (text: string, kill: () => void) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    // What `npm run experiment` runs (node with tsx's loader: signals reach the command itself).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/experiment.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      onStderr?.(stderr, () => child.kill('SIGINT'));
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const SMALL = 'samples=200&features=6&hidden=4&epochs=5';

describe('npm run experiment', () => {
  it('exits 2 naming every bad key, and prints nothing on stdout', async () => {
    const r = await run(['hidden=abc&epochs=-5&bogus=1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('hidden must be an integer in 1..512, got "abc"');
    expect(r.stderr).toContain('epochs must be an integer in 1..2000, got "-5"');
    expect(r.stderr).toContain('unknown setting "bogus"');
  });

  it('exits 2 on an unknown option or a second query', async () => {
    expect((await run(['--json'])).code).toBe(2);
    expect((await run(['a=1', 'b=2'])).code).toBe(2);
  });

  it('refuses a data set too large for memory and states the limit', async () => {
    const r = await run(['samples=100000&features=1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('at most 5,000,000');
  });

  it('prints one JSON document with every setting resolved and both networks', async () => {
    const r = await run([`${SMALL}&actB=tanh`]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.backend).toBe('cpu');
    expect(doc.config).toMatchObject({ samples: 200, features: 6, informative: 6, hidden: 4, epochs: 5, actA: 'none', actB: 'tanh' });
    expect(doc.networks.map((n: { id: string }) => n.id)).toEqual(['a', 'b']);
    for (const n of doc.networks) {
      expect(n.trainLoss).toHaveLength(5);
      expect(n.testAccuracy).toHaveLength(5);
      expect(n.finalTestAccuracy).toBeGreaterThan(0);
    }
    expect(r.stderr).toContain('epoch 5/5');
  });

  it('with seeds=K prints runs and a summary', async () => {
    const doc = JSON.parse((await run([`${SMALL}&seeds=3&initSeed=10`])).stdout);
    expect(doc.networks).toBeUndefined();
    expect(doc.runs.map((r: { initSeed: number }) => r.initSeed)).toEqual([10, 11, 12]);
    expect(Object.keys(doc.summary)).toEqual(['a', 'b']);
    expect(doc.summary.a.std).toBeGreaterThanOrEqual(0);
  });

  it('--csv prints a row per network and epoch', async () => {
    const r = await run([SMALL, '--csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('network,initSeed,activation,dropout,epoch,trainLoss,testLoss,trainAccuracy,testAccuracy');
    expect(lines).toHaveLength(1 + 2 * 5);
  });

  it('Ctrl-C stops cleanly: exit 130, no partial document', async () => {
    let sent = false;
    const r = await run(['samples=2000&features=50&epochs=2000'], (err, kill) => {
      if (!sent && err.includes('epoch ')) {
        sent = true;
        kill();
      }
    });
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cancelled');
  });
});
