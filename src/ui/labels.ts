/**
 * Words the page uses for settings and networks. Tables keyed by the schema's literal unions, so a
 * new activation does not compile until it has a name here.
 */
import type { NetworkId } from '../engine/model';
import type { Activation, Key } from '../state/schema';

export const ACTIVATION_LABEL: Record<Activation, string> = {
  none: 'no activation',
  relu: 'ReLU',
  leaky_relu: 'leaky ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  elu: 'ELU',
  gelu: 'GELU',
  silu: 'SiLU',
};

export const NETWORK_LETTER: Record<NetworkId, string> = { a: 'A', b: 'B' };

/** "B · ReLU" */
export function networkName(network: NetworkId, activation: Activation): string {
  return `${NETWORK_LETTER[network]} · ${ACTIVATION_LABEL[activation]}`;
}

/** "Network B · ReLU" */
export function networkTitle(network: NetworkId, activation: Activation): string {
  return `Network ${networkName(network, activation)}`;
}

/** Labels of the settings that have a control. */
export const SETTING_LABEL: Partial<Record<Key, string>> = {
  actA: 'Activation',
  actB: 'Activation',
  dropA: 'Dropout',
  dropB: 'Dropout',
  hidden: 'Hidden units',
  layers: 'Hidden layers',
  lr: 'Learning rate',
  epochs: 'Epochs',
  initSeed: 'Weights seed',
  sameInit: 'Same initial weights',
  samples: 'Samples',
  features: 'Features',
  informative: 'Informative features',
  sep: 'Class separation',
  flip: 'Label noise',
  dataSeed: 'Data seed',
  dataset: 'Data set',
  noise: 'Noise',
  factor: 'Inner circle radius',
  testSize: 'Test share',
  standardize: 'Standardize features',
  optimizer: 'Optimizer',
  batch: 'Batch size (0 = all)',
  wd: 'Weight decay',
  seeds: 'Repeat over seeds',
};

/** An accuracy as the test contract wants it: a decimal with three places, e.g. "0.865". */
export function formatAccuracy(x: number): string {
  return x.toFixed(3);
}

/** A loss for axes and tooltips. */
export function formatLoss(x: number): string {
  return Number.isFinite(x) ? x.toFixed(x < 0.1 ? 4 : 3) : String(x);
}
