/** What the teaching panels claim about a trained network, checked on real trained parameters. */
import { describe, expect, it } from 'vitest';
import { prepareData } from '../../src/data/fromSettings';
import { ACTIVATION_JS, collapseError, collapseLinear, erf, forwardJs, hiddenStats } from '../../src/engine/inspect';
import { trainSpec } from '../../src/engine/experiment';
import { parameterCount } from '../../src/engine/init';
import { Trainer } from '../../src/engine/trainer';
import { GRID, planeView, takeSnapshot } from '../../src/engine/snapshot';
import { parseQuery } from '../../src/state/query';
import { DEFAULTS } from '../../src/state/schema';

describe('the linear collapse', () => {
  it('a deep network without activations is exactly one linear model (to float32 precision)', async () => {
    const { settings } = parseQuery('samples=600&features=12&hidden=8&layers=3&epochs=30&lr=0.01');
    const data = prepareData(settings);
    const trainer = new Trainer(data, trainSpec(settings, data.nFeatures));
    await trainer.train(30);
    const layers = (await trainer.parameters())[0];
    const nTest = data.yTest.length;
    const network = (await trainer.predict(data.xTest, nTest)).slice(0, nTest);
    const c = collapseLinear(layers);
    expect(c.weight).toHaveLength(12);
    expect(collapseError(c, network, data.xTest, nTest)).toBeLessThan(1e-5);
    // And the same collapse does not describe the ReLU network trained beside it.
    const relu = (await trainer.predict(data.xTest, nTest)).slice(nTest);
    expect(collapseError(collapseLinear((await trainer.parameters())[1]), relu, data.xTest, nTest)).toBeGreaterThan(1e-2);
    trainer.dispose();
  });

  it("counts the notebook network's 1,633 parameters against 101 effective ones", () => {
    expect(parameterCount([100, 16, 1])).toBe(1633);
    expect(parameterCount([100, 1])).toBe(101);
  });
});

describe('hidden units', () => {
  it('counts ReLU units that are never active on the rows as dead', () => {
    // 3 rows x 3 units: unit 1 is never positive.
    const h = Float64Array.from([0.5, 0, 0, 0, 0, 2, 1, 0, 0]);
    expect(hiddenStats(h, 3, 'relu').dead).toBe(1);
    expect(hiddenStats(h, 3, 'tanh').dead).toBeNull();
    const s = hiddenStats(h, 3, 'relu', 4);
    expect(s.counts.reduce((a, b) => a + b)).toBe(9);
    expect(s.edges).toHaveLength(5);
  });
  it('scalar activations match their definitions', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 6);
    expect(ACTIVATION_JS.gelu(1)).toBeCloseTo(0.8413447, 6);
    expect(ACTIVATION_JS.silu(-1)).toBeCloseTo(-0.2689414, 6);
    expect(ACTIVATION_JS.elu(-1)).toBeCloseTo(Math.exp(-1) - 1, 12);
    expect(ACTIVATION_JS.leaky_relu(-2)).toBe(-0.02);
  });
  it('forwardJs gives what the device gives', async () => {
    const { settings } = parseQuery('samples=300&features=6&hidden=5&epochs=5&actB=gelu');
    const data = prepareData(settings);
    const trainer = new Trainer(data, trainSpec(settings, data.nFeatures));
    await trainer.train(5);
    const params = await trainer.parameters();
    const device = await trainer.predict(data.xTest, data.yTest.length);
    const js = forwardJs(params[1], 'gelu', data.xTest, data.yTest.length).probabilities;
    js.forEach((p, i) => expect(Math.abs(p - device[data.yTest.length + i])).toBeLessThan(1e-5));
    trainer.dispose();
  });
});

describe('snapshots', () => {
  it('two-feature data: the features themselves and a decision grid per network', async () => {
    const { settings } = parseQuery('lesson=moons&epochs=5');
    const data = prepareData(settings);
    const view = planeView(data);
    expect(view.axes).toBe('features');
    const trainer = new Trainer(data, trainSpec(settings, 2));
    await trainer.train(5);
    const snap = await takeSnapshot(trainer, data, view);
    expect(snap.epoch).toBe(5);
    expect(snap.networks.map((n) => n.network)).toEqual(['a', 'b']);
    expect(snap.networks[0].grid).toHaveLength(GRID * GRID);
    expect(snap.networks[0].collapse?.weight).toHaveLength(2);
    expect(snap.networks[1].collapse).toBeNull();
    expect(snap.networks[1].hidden.dead).not.toBeNull();
    trainer.dispose();
  });
  it('many features: a PCA projection and no grid', () => {
    const view = planeView(prepareData({ ...DEFAULTS, samples: 500 }));
    expect(view.axes).toBe('pca');
    expect(view.points).toHaveLength(200);
    expect(view.extent).toBeNull();
  });
});
