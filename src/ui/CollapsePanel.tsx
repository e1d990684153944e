/**
 * "One linear model": a network without activations multiplied out into the single weight vector
 * and bias it is (shown as bars), the largest difference between its outputs and that one-layer
 * model's over the test set, and its parameters against the d + 1 that actually matter. For a
 * network with an activation, why no such product exists.
 */
import type { NetworkId } from '../engine/model';
import type { NetworkSnapshot } from '../engine/snapshot';
import { formatCount, formatTiny, matrixProduct, parameterCounts } from '../state/inside';
import type { Activation } from '../state/schema';
import { ACTIVATION_LABEL } from './labels';

const W = 320;
const H = 74;

/** The d weights as bars up and down from zero, then the bias apart from them. */
function WeightBars({ network, weight, bias }: { network: NetworkId; weight: readonly number[]; bias: number }) {
  const d = weight.length;
  const scale = Math.max(1e-12, ...weight.map(Math.abs), Math.abs(bias));
  const slot = W / (d + 1);
  const bar = Math.max(1, Math.min(22, slot * 0.8));
  const mid = H / 2;
  const y = (v: number) => mid - (v / scale) * (mid - 4);
  const rect = (v: number, x: number, fill: string, name: string) => (
    <rect key={name} x={x} width={bar} y={Math.min(mid, y(v))} height={Math.max(0.75, Math.abs(y(v) - mid))} fill={fill}>
      <title>{`${name} = ${v.toPrecision(3)}`}</title>
    </rect>
  );
  return (
    <div className="weight-bars">
      <svg viewBox={`0 0 ${W} ${H}`} role="img"
        aria-label={`The collapsed model: ${d} weights and a bias, largest magnitude ${scale.toPrecision(2)}`}>
        <line x1={0} x2={W} y1={mid} y2={mid} stroke="var(--axis)" />
        {weight.map((v, j) => rect(v, j * slot + (slot - bar) / 2, `var(--net-${network})`, `w${j + 1}`))}
        {rect(bias, W - slot + (slot - bar) / 2, 'var(--muted)', 'b')}
      </svg>
      <div className="weight-bars-labels" style={{ gridTemplateColumns: `${W - slot}fr ${slot}fr` }}>
        <span>{d === 1 ? 'w: 1 weight' : `w: ${formatCount(d)} weights, one per input`}</span>
        <span>b</span>
      </div>
    </div>
  );
}

export interface CollapsePanelProps {
  readonly network: NetworkId;
  readonly title: string;
  readonly activation: Activation;
  /** Layer sizes [inputs, hidden..., 1]. */
  readonly sizes: readonly number[];
  readonly nTest: number;
  readonly net: NetworkSnapshot | null;
}

export function CollapsePanel({ network, title, activation, sizes, nTest, net }: CollapsePanelProps) {
  const { parameters, effective } = parameterCounts(sizes);
  const matrices = sizes.length - 1;
  const collapse = net?.collapse ?? null;
  return (
    <div className={`inside-panel collapse collapse-${network}`} data-testid={`collapse-${network}`}
      data-parameters={parameters} data-effective={collapse ? effective : undefined}
      data-max-diff={collapse ? collapse.maxAbsDiff : undefined}>
      <h4 className={`net-title net-${network}`}>{title}</h4>
      {activation === 'none' ? (
        <>
          <p>
            Multiply its {matrices} weight matrices out, <span className="math">w = {matrixProduct(matrices)}</span>, and
            carry the biases through: it is one linear model, <span className="math">p = σ(w·x + b)</span>.
          </p>
          {collapse ? <WeightBars network={network} weight={collapse.weight} bias={collapse.bias} /> : <p className="muted">Waiting for the first snapshot…</p>}
          {collapse && (
            <p className="collapse-diff">
              Same outputs: <span className="math">max |Δp| = {formatTiny(collapse.maxAbsDiff)}</span> over{' '}
              {formatCount(nTest)} test points.
            </p>
          )}
          <p className="collapse-count">
            <strong>{formatCount(parameters)}</strong> parameters, <strong>{formatCount(effective)}</strong> effective.
          </p>
        </>
      ) : (
        <>
          <p>
            No single weight vector reproduces this network. The {ACTIVATION_LABEL[activation]} sits between the
            matrices, <span className="math">W₂·{activation === 'relu' ? 'relu' : 'f'}(W₁x + b₁)</span>, and bends each unit’s
            output differently for different inputs, so <span className="math">W₂</span> and <span className="math">W₁</span> never
            meet in one product.
          </p>
          <p className="collapse-count">
            <strong>{formatCount(parameters)}</strong> parameters, and the boundary they draw can bend.
          </p>
        </>
      )}
    </div>
  );
}
