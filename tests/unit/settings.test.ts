/** The settings schema behind the URL, the UI and the CLI: what a link can and cannot do. */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, KEYS, SCHEMA } from '../../src/state/schema';
import { parseQuery, toQuery } from '../../src/state/query';

describe('defaults', () => {
  it('are the notebook experiment', () => {
    expect(DEFAULTS).toMatchObject({
      samples: 5000, features: 100, informative: null, redundant: 0, repeated: 0, clusters: 2, sep: 1, flip: 0.01,
      weight: 0.5, dataSeed: 7, testSize: 0.2, splitSeed: 42, hidden: 16, layers: 1, actA: 'none', actB: 'relu',
      dropA: 0, dropB: 0, lr: 0.001, epochs: 100, initSeed: 0, sameInit: true, seeds: 1, optimizer: 'adam', batch: 0,
    });
  });
  it('every default lies within its own row', () => {
    expect(parseQuery(toQuery({ ...DEFAULTS })).problems).toEqual([]);
    for (const k of KEYS) {
      const row = SCHEMA[k];
      if (row.kind === 'int' || row.kind === 'float') {
        expect(row.default).toBeGreaterThanOrEqual(row.min);
        expect(row.default).toBeLessThanOrEqual(row.max);
      }
    }
  });
});

describe('parseQuery', () => {
  it('reads every kind of value', () => {
    const { settings, problems } = parseQuery('?actB=tanh&hidden=32&lr=0.01&sameInit=0&informative=auto&flip=1e-2');
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ actB: 'tanh', hidden: 32, lr: 0.01, sameInit: false, informative: null, flip: 0.01 });
  });

  it('falls back per key and names each bad key', () => {
    const { settings, problems } = parseQuery('hidden=abc&epochs=-5&actA=relu');
    expect(settings.hidden).toBe(16);
    expect(settings.epochs).toBe(100);
    expect(settings.actA).toBe('relu');
    expect(problems.map((p) => p.key)).toEqual(['hidden', 'epochs']);
    expect(problems[0].message).toBe('hidden must be an integer in 1..512, got "abc"');
    expect(problems[1].message).toBe('epochs must be an integer in 1..2000, got "-5"');
  });

  it('rejects unknown keys, repeated keys, NaN, Infinity, fractions for integers and hex', () => {
    const { problems } = parseQuery('bogus=1&hidden=8&hidden=9&lr=NaN&dropA=Infinity&epochs=1.5&samples=0x100');
    expect(problems.map((p) => p.key)).toEqual(['bogus', 'hidden', 'lr', 'dropA', 'epochs', 'samples']);
    expect(problems[0].message).toContain('unknown setting "bogus"');
    expect(problems[1].message).toContain('given 2 times');
  });

  it('shortens very long values and keeps markup as plain text', () => {
    const { problems } = parseQuery(`actA=${encodeURIComponent('<script>alert(1)</script>'.repeat(20))}`);
    expect(problems[0].value.length).toBeLessThanOrEqual(41);
    expect(problems[0].message).toContain('<script>');
  });

  it('refuses sizes that would exhaust memory and states the limit', () => {
    const { settings, problems } = parseQuery('samples=1000000000');
    expect(settings.samples).toBe(5000);
    expect(problems[0].message).toBe('samples must be an integer in 20..100000, got "1000000000"');
    const combo = parseQuery('samples=100000&features=1000');
    expect(combo.problems[0].message).toContain('samples × features must be at most 5,000,000');
    expect(combo.settings.samples).toBe(5000);
    expect(combo.settings.features).toBe(100);
  });

  it('refuses networks whose activations would not fit in memory', () => {
    const { settings, problems } = parseQuery('seeds=50&hidden=512');
    expect(problems[0].message).toContain('2 networks × seeds × hidden × (samples + features) must be at most 20,000,000');
    expect(settings.seeds).toBe(1);
    expect(settings.hidden).toBe(16);
    expect(parseQuery('seeds=50').problems).toEqual([]);
  });

  it('rejects combinations make_classification rejects', () => {
    const r = parseQuery('features=10&informative=8&redundant=3');
    expect(r.problems[0].message).toContain('informative + redundant + repeated must be at most features (10)');
    const c = parseQuery('informative=2&features=10&clusters=3');
    expect(c.problems[0].message).toContain('2 classes × clusters must be at most 2^informative = 4');
  });
});

describe('lessons', () => {
  it('a lesson is a preset that other keys override', () => {
    const { settings, problems } = parseQuery('lesson=moons&noise=0.3');
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ lesson: 'moons', dataset: 'moons', noise: 0.3 });
    expect(toQuery(settings)).toBe('lesson=moons&noise=0.3');
  });
  it('a bad key in a lesson falls back to the lesson value, not the notebook default', () => {
    const { settings, problems } = parseQuery('lesson=overfit&hidden=-1');
    expect(problems.map((p) => p.key)).toEqual(['hidden']);
    expect(settings.hidden).toBe(128);
  });
  it('an unknown lesson is named and the notebook opens', () => {
    const { settings, problems } = parseQuery('lesson=nope');
    expect(problems[0].message).toContain('lesson must be one of notebook, overfit');
    expect(settings.lesson).toBe('notebook');
  });
});

describe('view keys', () => {
  it('hide is a set of page parts, written in schema order', () => {
    const { settings, problems } = parseQuery('hide=data,networkA,data&present=1&pace=5');
    expect(problems).toEqual([]);
    expect(settings.hide).toEqual(['networkA', 'data']);
    expect(toQuery(settings)).toBe('pace=5&present=1&hide=networkA%2Cdata');
    expect(parseQuery('hide=everything').problems[0].message).toContain('hide must be a comma-separated list of lessons');
  });
  it('pace is 0 (full speed) to 30 epochs per second', () => {
    expect(parseQuery('pace=31').problems[0].message).toBe('pace must be a number in 0..30, got "31"');
  });
  it('view keys never change what is trained', async () => {
    const { experimentKey } = await import('../../src/state/query');
    expect(experimentKey(parseQuery('present=1&pace=3&hide=data&autostart=0&backend=cpu').settings)).toBe(experimentKey(DEFAULTS));
    expect(experimentKey(parseQuery('actB=tanh').settings)).not.toBe(experimentKey(DEFAULTS));
  });
});

describe('toQuery', () => {
  it('writes only what differs from the defaults and round-trips', () => {
    expect(toQuery(DEFAULTS)).toBe('');
    const s = { ...DEFAULTS, actB: 'tanh' as const, lr: 0.05, sameInit: false, informative: 40 };
    const q = toQuery(s);
    expect(q).toBe('informative=40&actB=tanh&lr=0.05&sameInit=0');
    expect(parseQuery(q).settings).toEqual(s);
  });
});
