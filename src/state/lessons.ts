/**
 * Lessons: each is a preset of settings, a short explanation in plain language, what to look at,
 * and the claim it makes. Every claim is checked across 10 init seeds by tests/unit/lessons.test.ts;
 * a lesson whose claim stops holding fails the build.
 */
import { DEFAULTS, type LessonName, type Settings } from './schema';

export interface Lesson {
  readonly title: string;
  /** Two to four sentences for a student seeing the lesson for the first time. */
  readonly explanation: string;
  /** What to look at on the screen. */
  readonly lookFor: string;
  /** The claim, in one sentence; the test checks it across seeds. */
  readonly claim: string;
  /** Settings that differ from the notebook's. */
  readonly settings: Partial<Settings>;
}

/**
 * A small noisy training set (400 rows: a test share of 0.6 keeps 600 rows to measure on, so
 * accuracies are not at the mercy of a few points), a quarter of the labels flipped, 30 of the
 * 40 features pure noise, and a wide network trained long.
 */
const OVERFIT: Partial<Settings> = {
  samples: 1000, testSize: 0.6, features: 40, informative: 10, clusters: 1, flip: 0.25, hidden: 128, lr: 0.01, epochs: 200,
};

export const LESSONS: Record<LessonName, Lesson> = {
  notebook: {
    title: 'The notebook',
    explanation:
      'The original experiment: 5,000 points with 100 features, two networks with one hidden layer of 16 units. ' +
      'Network A has no activation, so however it is trained it can only draw a flat boundary (a hyperplane). ' +
      'Network B puts a ReLU after the hidden layer and can bend its boundary around the data.',
    lookFor: 'Both losses fall; B keeps falling after A levels off, and B ends a few points more accurate.',
    claim: 'The ReLU network beats the linear one on test accuracy.',
    settings: {},
  },
  overfit: {
    title: 'When the activation hurts',
    explanation:
      'Only 400 training points, a quarter of their labels flipped at random, 30 of 40 features pure noise, a wide hidden layer and many epochs. ' +
      'The ReLU network has the freedom to memorise the noise in its training set; the linear one does not. ' +
      'Memorising is not learning: what it gets right on the training set it gets wrong on new data.',
    lookFor: "Network B's train loss keeps falling while its test loss turns upward (the shaded gap widens); its test accuracy ends below A's.",
    claim: "The ReLU network's test loss turns upward while its train loss falls, and its test accuracy ends below the linear network's.",
    settings: OVERFIT,
  },
  dropout: {
    title: 'Dropout against overfitting',
    explanation:
      'The same noisy, tiny data set, but network B now drops half of its hidden units at random in every training pass. ' +
      'It can no longer rely on any one unit to memorise a point, so it learns smoother rules. ' +
      'Dropout helps, but honestly only a little here: it closes about a quarter of the gap to the linear network, not all of it.',
    lookFor: "Compare B's test accuracy with the overfit lesson: it ends about a point higher. Its test loss still climbs (even higher than before): dropout softens the memorising here, it does not stop it.",
    claim: 'With dropout 0.5 the ReLU network ends with a higher test accuracy than without dropout.',
    settings: { ...OVERFIT, dropB: 0.5 },
  },
  linear: {
    title: 'A straight boundary is enough',
    explanation:
      'Here each class is one well-separated blob of points, so a flat boundary already separates them. ' +
      'The activation gives network B the power to bend its boundary, but there is nothing to bend around.',
    lookFor: 'The two loss curves look alike and the accuracies end within about a point of each other.',
    claim: 'Both networks end within about one point of test accuracy.',
    settings: { clusters: 1, sep: 2, samples: 2000, features: 20, lr: 0.01 },
  },
  'deep-linear': {
    title: 'Stacking linear layers stays linear',
    explanation:
      'Network A now has three hidden layers and still no activation. A linear map of a linear map is linear: ' +
      'multiply its weight matrices together and you get one matrix, so all that depth collapses into a single layer. ' +
      'Network B, with ReLU between the same layers, does not collapse.',
    lookFor: "The 'one linear model' panel: A's layers multiply out into 101 numbers that give the same outputs; B's accuracy stays ahead.",
    claim: 'Three linear hidden layers are no better than one; the ReLU network stays ahead.',
    settings: { layers: 3, samples: 2000 },
  },
  moons: {
    title: 'Two moons',
    explanation:
      'Two interlocking half circles in the plane. No straight line separates them, so the linear network ' +
      'settles for the best cut it can make and misclassifies the tips. The ReLU network bends its boundary between them.',
    lookFor: "The decision regions: A's is split by a straight line, B's curves between the moons.",
    claim: 'The ReLU network separates the moons clearly better than the linear network.',
    settings: { dataset: 'moons', samples: 1000, noise: 0.2, hidden: 32, lr: 0.01, epochs: 400 },
  },
  circles: {
    title: 'A ring around a disc',
    explanation:
      'One class forms a ring around the other. Every straight line leaves about half of each class on each side, ' +
      'so the linear network stays near a coin flip however long it trains. The ReLU network draws a closed boundary.',
    lookFor: "A's accuracy stays near 0.5 and its loss near 0.69; B's region closes around the inner disc.",
    claim: 'The linear network stays near chance; the ReLU network separates the classes.',
    settings: { dataset: 'circles', samples: 1000, noise: 0.1, factor: 0.5, lr: 0.01, epochs: 300 },
  },
  xor: {
    title: 'XOR',
    explanation:
      'Four blobs at the corners of a square, with opposite corners in the same class: the XOR problem that ' +
      'famously defeats a single linear unit. A linear network can only cut the square in two, which is right for half of it.',
    lookFor: "A stays near 0.5; B's decision regions carve out the four quadrants.",
    claim: 'The linear network stays near chance; the ReLU network separates the classes.',
    settings: { dataset: 'xor', samples: 1000, noise: 0.4, lr: 0.01, epochs: 300 },
  },
};

/** The settings a lesson starts from: the notebook's, with the lesson's own on top. */
export function lessonBase(name: LessonName): Settings {
  return { ...DEFAULTS, ...LESSONS[name].settings, lesson: name };
}
