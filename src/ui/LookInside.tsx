/**
 * "Look inside": what each network has learned, from the worker's snapshots (the first seed of
 * each network), below the results. Loaded lazily: the first screen does not wait for it.
 *
 *   the test set in 2-D with each network's mistakes (and decision regions for two-feature data);
 *   the one linear model a network without activations collapses to;
 *   the hidden units' outputs and dead ReLU units.
 */
import { memo } from 'react';
import type { NetworkId } from '../engine/model';
import type { NetworkSnapshot, Snapshot } from '../engine/snapshot';
import type { Settings } from '../state/schema';
import type { RunInfo } from '../worker/protocol';
import { CollapsePanel } from './CollapsePanel';
import { HiddenPanel } from './HiddenPanel';
import { LineSwatch } from './chartStyle';
import { NETWORK_LETTER, networkTitle } from './labels';
import { PlanePanel } from './PlanePanel';
import './inside.css';

export interface LookInsideProps {
  readonly settings: Settings;
  readonly info: RunInfo | null;
  readonly snapshot: Snapshot | null;
}

const NETWORKS: readonly NetworkId[] = ['a', 'b'];

function planeIntro(info: RunInfo): string {
  if (info.view.axes === 'features') {
    return 'The test set in its two features, over each network’s decision regions: the tint is the class it predicts there, ' +
      'stronger where it is surer, and the line is its boundary (p = 0.5). Ringed points are the ones it gets wrong.';
  }
  return `With ${info.nFeatures} features a boundary cannot be drawn on a page, so this is the test set projected onto ` +
    `its two main directions (PCA). Each network’s boundary lives in all ${info.nFeatures} dimensions; what shows here is ` +
    'which points it gets wrong (ringed): count the rings.';
}

// Memoised: while training the page re-renders every frame, and these panels change only with a snapshot.
export default memo(function LookInside({ settings, info, snapshot }: LookInsideProps) {
  const act = { a: settings.actA, b: settings.actB };
  const title = (n: NetworkId) => networkTitle(n, act[n]);
  const net = (n: NetworkId): NetworkSnapshot | null => snapshot?.networks.find((s) => s.network === n) ?? null;
  const seedNote = settings.seeds > 1 ? ' These panels show the first seed of each network.' : '';
  return (
    <section className="inside" aria-labelledby="inside-heading" data-testid="look-inside">
      <h2 id="inside-heading" className="section-title">Look inside</h2>
      {!info ? (
        <p className="inside-empty muted">Train the networks to look inside them.</p>
      ) : (
        <>
          <div className="inside-card">
            <h3>The test set{info.view.axes === 'features' ? ' and the decision regions' : ', seen in two dimensions'}</h3>
            <p className="inside-intro">{planeIntro(info)}{seedNote}</p>
            <ClassLegend regions={info.view.axes === 'features'} />
            <div className="inside-pair">
              {NETWORKS.map((n) => (
                <PlanePanel key={n} network={n} title={title(n)} view={info.view} net={net(n)} epoch={snapshot?.epoch ?? null} />
              ))}
            </div>
          </div>
          <div className="inside-card">
            <h3>One linear model</h3>
            <p className="inside-intro">
              Without an activation, stacked layers multiply out into a single layer: a network is a linear model
              however deep it is. Updated live as the networks train.
            </p>
            <div className="inside-pair">
              {NETWORKS.map((n) => (
                <CollapsePanel key={n} network={n} title={title(n)} activation={act[n]} sizes={info.sizes}
                  nTest={info.nTest} net={net(n)} />
              ))}
            </div>
          </div>
          <div className="inside-card">
            <h3>Hidden units</h3>
            <p className="inside-intro">
              What the units of the first hidden layer output, over every point of the training set: each bar counts
              the outputs in its range.
            </p>
            <div className="inside-pair">
              {NETWORKS.map((n) => <HiddenPanel key={n} network={n} title={title(n)} activation={act[n]} net={net(n)} />)}
            </div>
          </div>
        </>
      )}
    </section>
  );
});

function ClassLegend({ regions }: { regions: boolean }) {
  return (
    <p className="class-legend">
      <span className="legend-item"><span className="mark mark-0" aria-hidden="true" /> class 0</span>
      <span className="legend-item"><span className="mark mark-1" aria-hidden="true" /> class 1</span>
      <span className="legend-item"><span className="mark mark-wrong" aria-hidden="true" /> wrong</span>
      {regions && NETWORKS.map((n) => (
        <span key={n} className="legend-item"><LineSwatch network={n} split="test" /> {NETWORK_LETTER[n]}’s boundary</span>
      ))}
    </p>
  );
}
