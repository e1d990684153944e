/**
 * Words and numbers for the "look inside" panels: the one linear model a network without
 * activations collapses to, and its hidden units. Pure: snapshot data in, text and plain numbers out.
 */
import { parameterCount } from '../engine/init';
import type { HiddenStats } from '../engine/inspect';
import type { Activation } from './schema';

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** 12 -> "₁₂" */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPT[Number(d)]);
}

/** "W₂W₁" for two weight matrices: the product, last layer first, as it applies to x. */
export function matrixProduct(matrices: number): string {
  return Array.from({ length: matrices }, (_, i) => `W${subscript(matrices - i)}`).join('');
}

/** An integer with thousands separators, as the page prints counts: 1633 -> "1,633". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A small difference in one significant digit: 6.2e-8 -> "6e-8"; 0 -> "0". */
export function formatTiny(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  return x >= 0.01 ? x.toFixed(2) : x.toExponential(0);
}

export interface ParameterCounts {
  /** Weights and biases the network trains. */
  readonly parameters: number;
  /** What it amounts to without activations: one weight per input and one bias. */
  readonly effective: number;
}

/** Parameters of an MLP with these layer sizes against the d + 1 of the linear model it equals. */
export function parameterCounts(sizes: readonly number[]): ParameterCounts {
  return { parameters: parameterCount(sizes), effective: sizes[0] + 1 };
}

/** A bar chart's bars: each bin's range and its share of all values. */
export interface Bar {
  readonly x0: number;
  readonly x1: number;
  readonly share: number;
}

export function histogramBars(h: HiddenStats): Bar[] {
  const total = h.counts.reduce((a, b) => a + b, 0);
  return h.counts.map((c, i) => ({ x0: h.edges[i], x1: h.edges[i + 1], share: total > 0 ? c / total : 0 }));
}

/**
 * "3 of 16 units never fire on the training set", or why the question does not arise;
 * `label` is the activation's name as the page prints it.
 */
export function deadUnitsText(h: HiddenStats, activation: Activation, label: string): string {
  if (activation === 'none') return 'No activation, so nothing is cut off: every unit passes on every value, negative ones included.';
  if (h.dead === null) return `Only ReLU units can die: ${label} is not flat at zero over a whole range of inputs.`;
  if (h.dead === 0) return `All ${formatCount(h.units)} units fire on some training points: none is dead.`;
  const units = h.units === 1 ? 'unit never fires' : 'units never fire';
  return `${formatCount(h.dead)} of ${formatCount(h.units)} ${units} on the training set: dead, with a zero gradient they cannot recover from.`;
}
