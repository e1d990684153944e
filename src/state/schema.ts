/**
 * The settings schema: one row per key, shared by the URL, the UI and the `experiment` command.
 *
 * A row says the key's type, default, allowed range or values, and what it means. Everything that
 * reads settings (parse, serialise, the controls, the CLI's help) is driven by this table, so a new
 * setting is one row here plus the code that uses it.
 */

export const ACTIVATIONS = ['none', 'relu', 'leaky_relu', 'tanh', 'sigmoid', 'elu', 'gelu', 'silu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const DATASETS = ['classification', 'moons', 'circles', 'xor'] as const;
export type DatasetName = (typeof DATASETS)[number];

export const OPTIMIZERS = ['adam', 'sgd', 'momentum'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const BACKENDS = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

/** Lessons: named presets (src/state/lessons.ts holds their settings and texts). */
export const LESSON_NAMES = ['notebook', 'overfit', 'dropout', 'linear', 'deep-linear', 'moons', 'circles', 'xor'] as const;
export type LessonName = (typeof LESSON_NAMES)[number];

/** Parts of the page a classroom link can hide (`hide=data,shared`). */
export const HIDEABLE = ['lessons', 'networkA', 'networkB', 'shared', 'data', 'seeds', 'pace', 'export', 'inside'] as const;
export type Hideable = (typeof HIDEABLE)[number];

/** The largest data set the app accepts, in samples × features (40 MB of float64 while generating). */
export const MAX_CELLS = 5_000_000;
/**
 * The most hidden-unit values one training pass may hold: networks × hidden units × (samples +
 * features), about 80 MB per float32 tensor; a pass keeps a handful of them alive.
 */
export const MAX_UNIT_VALUES = 20_000_000;

interface RowBase {
  /** One line for tooltips, the CLI's help and the README. */
  readonly doc: string;
  /** `experiment` rows change the computation; `view` rows only change the page. */
  readonly scope: 'experiment' | 'view';
}
export interface IntRow extends RowBase {
  readonly kind: 'int';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}
export interface FloatRow extends RowBase {
  readonly kind: 'float';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}
export interface EnumRow<T extends string> extends RowBase {
  readonly kind: 'enum';
  readonly default: T;
  readonly values: readonly T[];
}
export interface BoolRow extends RowBase {
  readonly kind: 'bool';
  readonly default: boolean;
}
/** An integer whose default is "the same as another key" (`informative` defaults to `features`). */
export interface AutoIntRow extends RowBase {
  readonly kind: 'autoint';
  readonly default: null;
  readonly min: number;
  readonly max: number;
}
/** A set of values, written comma-separated in the URL (`hide=data,shared`); default empty. */
export interface ListRow<T extends string> extends RowBase {
  readonly kind: 'list';
  readonly default: readonly T[];
  readonly values: readonly T[];
}
export type Row = IntRow | FloatRow | EnumRow<string> | BoolRow | AutoIntRow | ListRow<string>;

const UINT32_MAX = 4294967295;

/** The table. Key names are a public contract: URLs in the wild use them. */
export const SCHEMA = {
  lesson: { kind: 'enum', default: 'notebook', values: LESSON_NAMES, scope: 'experiment',
    doc: 'a lesson: a preset of the settings below, which any other key then overrides' } as EnumRow<LessonName>,
  dataset: { kind: 'enum', default: 'classification', values: DATASETS, scope: 'experiment',
    doc: 'data set: make_classification, make_moons, make_circles or four xor blobs' } as EnumRow<DatasetName>,
  samples: { kind: 'int', default: 5000, min: 20, max: 100_000, scope: 'experiment',
    doc: 'number of samples (n_samples)' } as IntRow,
  features: { kind: 'int', default: 100, min: 2, max: 1000, scope: 'experiment',
    doc: 'number of features of make_classification (n_features)' } as IntRow,
  informative: { kind: 'autoint', default: null, min: 1, max: 1000, scope: 'experiment',
    doc: 'informative features (n_informative); default: all features' } as AutoIntRow,
  redundant: { kind: 'int', default: 0, min: 0, max: 1000, scope: 'experiment',
    doc: 'redundant features, linear combinations of the informative ones (n_redundant)' } as IntRow,
  repeated: { kind: 'int', default: 0, min: 0, max: 1000, scope: 'experiment',
    doc: 'duplicated features (n_repeated)' } as IntRow,
  clusters: { kind: 'int', default: 2, min: 1, max: 16, scope: 'experiment',
    doc: 'clusters per class (n_clusters_per_class)' } as IntRow,
  sep: { kind: 'float', default: 1.0, min: 0, max: 10, scope: 'experiment',
    doc: 'class separation (class_sep)' } as FloatRow,
  flip: { kind: 'float', default: 0.01, min: 0, max: 1, scope: 'experiment',
    doc: 'fraction of labels assigned at random (flip_y)' } as FloatRow,
  weight: { kind: 'float', default: 0.5, min: 0.01, max: 0.99, scope: 'experiment',
    doc: 'fraction of samples in class 0 (weights=[w])' } as FloatRow,
  noise: { kind: 'float', default: 0.2, min: 0, max: 5, scope: 'experiment',
    doc: 'standard deviation of the Gaussian noise of moons, circles and xor' } as FloatRow,
  factor: { kind: 'float', default: 0.5, min: 0, max: 0.99, scope: 'experiment',
    doc: 'inner circle radius relative to the outer one (make_circles factor)' } as FloatRow,
  dataSeed: { kind: 'int', default: 7, min: 0, max: UINT32_MAX, scope: 'experiment',
    doc: 'random_state of the data set' } as IntRow,
  standardize: { kind: 'bool', default: false, scope: 'experiment',
    doc: '1 = scale features to zero mean and unit variance (fit on the training split)' } as BoolRow,
  testSize: { kind: 'float', default: 0.2, min: 0.05, max: 0.9, scope: 'experiment',
    doc: 'fraction of samples held out for testing (test_size)' } as FloatRow,
  splitSeed: { kind: 'int', default: 42, min: 0, max: UINT32_MAX, scope: 'experiment',
    doc: 'random_state of train_test_split' } as IntRow,
  hidden: { kind: 'int', default: 16, min: 1, max: 512, scope: 'experiment',
    doc: 'hidden units per layer' } as IntRow,
  layers: { kind: 'int', default: 1, min: 1, max: 4, scope: 'experiment',
    doc: 'hidden layers' } as IntRow,
  actA: { kind: 'enum', default: 'none', values: ACTIVATIONS, scope: 'experiment',
    doc: 'activation after each hidden layer of network A' } as EnumRow<Activation>,
  actB: { kind: 'enum', default: 'relu', values: ACTIVATIONS, scope: 'experiment',
    doc: 'activation after each hidden layer of network B' } as EnumRow<Activation>,
  dropA: { kind: 'float', default: 0, min: 0, max: 0.9, scope: 'experiment',
    doc: 'dropout rate after each hidden layer of network A (training passes only)' } as FloatRow,
  dropB: { kind: 'float', default: 0, min: 0, max: 0.9, scope: 'experiment',
    doc: 'dropout rate after each hidden layer of network B (training passes only)' } as FloatRow,
  optimizer: { kind: 'enum', default: 'adam', values: OPTIMIZERS, scope: 'experiment',
    doc: 'adam (PyTorch defaults), sgd, or sgd with momentum 0.9' } as EnumRow<OptimizerName>,
  lr: { kind: 'float', default: 0.001, min: 1e-6, max: 10, scope: 'experiment',
    doc: 'learning rate' } as FloatRow,
  wd: { kind: 'float', default: 0, min: 0, max: 1, scope: 'experiment',
    doc: 'weight decay (L2 added to the gradient, as PyTorch weight_decay)' } as FloatRow,
  batch: { kind: 'int', default: 0, min: 0, max: 100_000, scope: 'experiment',
    doc: 'mini-batch size; 0 = full batch, as the notebook' } as IntRow,
  epochs: { kind: 'int', default: 100, min: 1, max: 2000, scope: 'experiment',
    doc: 'training epochs' } as IntRow,
  initSeed: { kind: 'int', default: 0, min: 0, max: UINT32_MAX - 100, scope: 'experiment',
    doc: 'seed of the initial weights (numpy RandomState)' } as IntRow,
  sameInit: { kind: 'bool', default: true, scope: 'experiment',
    doc: '1 = both networks start from the same weights; 0 = B uses initSeed + 1' } as BoolRow,
  seeds: { kind: 'int', default: 1, min: 1, max: 50, scope: 'experiment',
    doc: 'how many init seeds to run (initSeed, initSeed + 1, ...)' } as IntRow,
  backend: { kind: 'enum', default: 'auto', values: BACKENDS, scope: 'view',
    doc: 'TensorFlow.js backend: auto picks the fastest available' } as EnumRow<BackendChoice>,
  autostart: { kind: 'bool', default: true, scope: 'view',
    doc: '1 = start training when the page opens; 0 = wait for Train' } as BoolRow,
  pace: { kind: 'float', default: 0, min: 0, max: 30, scope: 'view',
    doc: 'epochs per second, to narrate the curves as they form; 0 = full speed' } as FloatRow,
  present: { kind: 'bool', default: false, scope: 'view',
    doc: '1 = presenter mode: large type and charts, high contrast, for a lecture hall' } as BoolRow,
  hide: { kind: 'list', default: [], values: HIDEABLE, scope: 'view',
    doc: 'parts of the page to hide from students, comma-separated' } as ListRow<Hideable>,
} as const satisfies Record<string, Row>;

export type Key = keyof typeof SCHEMA;
export const KEYS = Object.keys(SCHEMA) as Key[];

type ValueOf<R> = R extends ListRow<infer T>
  ? readonly T[]
  : R extends EnumRow<infer T>
  ? T
  : R extends BoolRow
    ? boolean
    : R extends AutoIntRow
      ? number | null
      : number;

/** Every setting, resolved to its type. `informative: null` means "all features". */
export type Settings = { -readonly [K in Key]: ValueOf<(typeof SCHEMA)[K]> };

/** The defaults: the notebook's experiment. */
export const DEFAULTS: Settings = Object.fromEntries(KEYS.map((k) => [k, SCHEMA[k].default])) as Settings;
