/**
 * The page's side of the protocol, against a fake worker: which commands it sends, that a stale
 * run's messages never reach the state, that a settings change restarts a run, and that a crashed
 * worker is replaced and the user told.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EpochRecord } from '../../src/engine/trainer';
import { parseQuery } from '../../src/state/query';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { TrainerClient, type TrainerState } from '../../src/ui/trainerClient';

class FakeWorker {
  readonly sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Deliver a message from the worker. */
  emit(msg: FromWorker): void {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const record = (epoch: number): EpochRecord => ({
  epoch, trainLoss: [0.6, 0.5], testLoss: [0.7, 0.6], trainAccuracy: [0.8, 0.9], testAccuracy: [0.75, 0.85],
});

function setup() {
  const workers: FakeWorker[] = [];
  const published: TrainerState[] = [];
  const spawn = () => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  };
  const client = new TrainerClient(spawn, (s) => published.push(s), parseQuery('').settings);
  /** Run the pending animation frame and return what was published. */
  const frame = (): TrainerState => {
    vi.runOnlyPendingTimers();
    return published[published.length - 1];
  };
  return { client, workers, frame, published };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 16) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('TrainerClient', () => {
  it('prepares a new run that plays at once on Train, and accumulates its epochs once per frame', () => {
    const { client, workers, frame, published } = setup();
    client.train();
    expect(workers[0].sent.map((m) => m.type)).toEqual(['init', 'prepare']);
    expect(workers[0].sent[1]).toMatchObject({ type: 'prepare', start: 'play' });
    const runId = (workers[0].sent.find((m) => m.type === 'prepare') as { runId: number }).runId;
    workers[0].emit({ type: 'epochs', runId, records: [record(0), record(1)] });
    workers[0].emit({ type: 'epochs', runId, records: [record(2)] });
    expect(published).toHaveLength(0);
    const s = frame();
    expect(published).toHaveLength(1);
    expect(s.status).toBe('training');
    expect(s.records.map((r) => r.epoch)).toEqual([0, 1, 2]);
  });

  it('drops the messages of a run that Reset replaced', () => {
    const { client, workers, frame } = setup();
    client.train();
    const old = (workers[0].sent.find((m) => m.type === 'prepare') as { runId: number }).runId;
    client.reset();
    workers[0].emit({ type: 'epochs', runId: old, records: [record(0)] });
    workers[0].emit({ type: 'done', runId: old, final: { trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [] }, trainMs: 1 });
    const s = frame();
    expect(s.status).toBe('idle');
    expect(s.records).toHaveLength(0);
  });

  it('restarts a run under way when the settings change, and leaves an idle page idle', () => {
    const { client, workers } = setup();
    client.configure(parseQuery('actB=tanh').settings);
    expect(workers[0].sent.map((m) => m.type)).toEqual(['init']);
    client.train();
    client.configure(parseQuery('actB=sigmoid').settings);
    const prepares = workers[0].sent.filter((m) => m.type === 'prepare');
    expect(prepares.map((m) => m.type === 'prepare' && m.settings.actB)).toEqual(['tanh', 'sigmoid']);
    expect(new Set(prepares.map((m) => m.runId)).size).toBe(2);
    // A view-only key (autostart) is not a new experiment.
    client.configure({ ...parseQuery('actB=sigmoid').settings, autostart: true });
    expect(workers[0].sent.filter((m) => m.type === 'prepare')).toHaveLength(2);
  });

  it('steps from idle with a prepare that steps, and resumes a paused run without preparing again', () => {
    const { client, workers, frame } = setup();
    client.step();
    expect(workers[0].sent.map((m) => m.type)).toEqual(['init', 'prepare']);
    expect(workers[0].sent[1]).toMatchObject({ type: 'prepare', start: 'step' });
    const runId = (workers[0].sent.find((m) => m.type === 'prepare') as { runId: number }).runId;
    workers[0].emit({ type: 'epochs', runId, records: [record(0)] });
    workers[0].emit({ type: 'paused', runId, epoch: 1 });
    expect(frame().status).toBe('paused');
    client.step();
    expect(workers[0].sent.map((m) => m.type)).toEqual(['init', 'prepare', 'step']);
  });

  it('replaces a crashed worker and says so', () => {
    const { client, workers, frame } = setup();
    client.train();
    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const s = frame();
    expect(s.status).toBe('error');
    expect(s.error).toMatch(/stopped \(out of memory\) and has been restarted/);
    client.train();
    expect(workers[1].sent.map((m) => m.type)).toEqual(['init', 'prepare']);
  });

  it('gives up restarting a worker that keeps crashing', () => {
    const { workers, frame } = setup();
    workers[0].crash('bad script');
    workers[1].crash('bad script');
    workers[2].crash('bad script');
    expect(workers).toHaveLength(3);
    expect(frame().error).toMatch(/keeps stopping.*Reload the page/);
  });

  it('terminates its worker on dispose and publishes nothing afterwards', () => {
    const { client, workers, published } = setup();
    client.train();
    client.dispose();
    vi.runOnlyPendingTimers();
    expect(workers[0].terminated).toBe(true);
    expect(published).toHaveLength(0);
  });
});
