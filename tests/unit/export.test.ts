/** "Copy as PyTorch": the script carries every setting that shapes the run. */
import { describe, expect, it } from 'vitest';
import { pytorchScript } from '../../src/export/pytorch';
import { parseQuery } from '../../src/state/query';
import { DEFAULTS } from '../../src/state/schema';

describe('pytorchScript', () => {
  it("rebuilds the notebook's data, split, networks and training", () => {
    const py = pytorchScript(DEFAULTS);
    expect(py).toContain('make_classification(n_samples=5000, n_features=100, n_informative=100');
    expect(py).toContain('random_state=7)');
    expect(py).toContain('train_test_split(X, y, test_size=0.2, random_state=42)');
    expect(py).toContain('torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)');
    expect(py).toContain('SIZES = [100,16,1]');
    expect(py).toContain('("A", 0, nn.Identity(), 0)');
    expect(py).toContain('("B", 0, nn.ReLU(), 0)');
    expect(py).toContain('EPOCHS = 100');
  });

  it('follows every knob: data set, seeds, activations, dropout, optimizer, batches, standardising', () => {
    const { settings } = parseQuery('lesson=circles&actB=gelu&dropB=0.3&seeds=2&sameInit=0&initSeed=4&optimizer=momentum&wd=0.01&batch=64&standardize=1&layers=2');
    const py = pytorchScript(settings, 'http://localhost/');
    expect(py).toContain('make_circles(n_samples=1000, noise=0.1, factor=0.5, random_state=7)');
    expect(py).toContain('# Activation Lab, exported as PyTorch: http://localhost/?lesson=circles&');
    expect(py).toContain('("A", 4, nn.Identity(), 0)');
    expect(py).toContain('("A", 5, nn.Identity(), 0)');
    expect(py).toContain('("B", 5, nn.GELU(), 0.3)');
    expect(py).toContain('("B", 6, nn.GELU(), 0.3)');
    expect(py).toContain('torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=0.01)');
    expect(py).toContain('BATCH = 64');
    expect(py).toContain('StandardScaler().fit(X_train)');
    expect(py).toContain('SIZES = [2,16,16,1]');
  });

  it('documents the xor recipe in numpy', () => {
    const py = pytorchScript(parseQuery('lesson=xor').settings);
    expect(py).toContain('X = rs.standard_normal((1000, 2)) * 0.4 + corners[np.arange(1000) % 4]');
  });
});
