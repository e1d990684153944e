/**
 * The outcome in large type: each network's test accuracy after training, the gap between them,
 * their train accuracies, and the notebook's own figures with a line saying how these settings
 * differ from the notebook's.
 */
import { lazy, Suspense } from 'react';
import type { NetworkId } from '../engine/model';
import type { Accuracy } from '../state/curves';
import { differences } from '../state/query';
import type { Settings } from '../state/schema';
import type { SeedComparison } from '../state/seeds';
import { ACTIVATION_LABEL, formatAccuracy, networkTitle } from './labels';

// Only drawn with several seeds: not part of the first load.
const SeedSpread = lazy(() => import('./SeedSpread'));

/** The notebook's printed test accuracies (one run with unseeded initial weights). */
const NOTEBOOK = { without: 0.859, withRelu: 0.901 } as const;

export interface ResultsPanelProps {
  readonly settings: Settings;
  /** Accuracies after the last update; null until the run is done. */
  readonly final: Record<NetworkId, Accuracy | null>;
  /** Accuracies at the latest epoch while training; null before the first. */
  readonly latest: Record<NetworkId, Accuracy | null>;
  readonly epoch: number;
  /** How many seeds each figure averages. */
  readonly seeds: number;
  /** Per-seed accuracies, shown as a distribution when there are several seeds. */
  readonly comparison?: SeedComparison | null;
}

function NetworkResult({ network, settings, final, latest, epoch }: {
  network: NetworkId; settings: Settings; final: Accuracy | null; latest: Accuracy | null; epoch: number;
}) {
  const activation = network === 'a' ? settings.actA : settings.actB;
  return (
    <div className={`result result-${network}`}>
      <h3 className={`net-title net-${network}`}>{networkTitle(network, activation)}</h3>
      <p className="result-figure">
        <span className={final ? 'big-number' : 'big-number muted'} data-testid={`accuracy-${network}`}>{final ? formatAccuracy(final.test) : '–'}</span>
        <span className="result-unit">test accuracy</span>
      </p>
      <p className="result-detail">
        {final
          ? `train accuracy ${formatAccuracy(final.train)}`
          : latest
            ? `epoch ${epoch}: test ${formatAccuracy(latest.test)}, train ${formatAccuracy(latest.train)}`
            : 'not trained yet'}
      </p>
    </div>
  );
}

function Gap({ final, settings }: { final: Record<NetworkId, Accuracy | null>; settings: Settings }) {
  if (!final.a || !final.b) {
    return (
      <div className="result result-gap">
        <h3 className="net-title">Difference</h3>
        <p className="result-figure"><span className="big-number muted">–</span></p>
        <p className="result-detail">after training</p>
      </div>
    );
  }
  const points = (final.b.test - final.a.test) * 100;
  const rounded = Math.round(points * 10) / 10;
  const better = rounded > 0 ? 'B' : 'A';
  const worse = rounded > 0 ? 'A' : 'B';
  const betterAct = better === 'B' ? settings.actB : settings.actA;
  return (
    <div className="result result-gap">
      <h3 className="net-title">Difference</h3>
      <p className="result-figure">
        <span className="big-number" data-testid="accuracy-gap">{`${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}`}</span>
        <span className="result-unit">points (B − A)</span>
      </p>
      <p className="result-detail">
        {rounded === 0
          ? 'the two networks are equally accurate'
          : `${better} (${ACTIVATION_LABEL[betterAct]}) beats ${worse} on data it never trained on`}
      </p>
    </div>
  );
}

export function ResultsPanel({ settings, final, latest, epoch, seeds, comparison }: ResultsPanelProps) {
  const diff = differences(settings);
  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading" className="section-title">
        Results{seeds > 1 ? ` (mean of ${seeds} weight seeds)` : ''}
      </h2>
      <div className="results-grid">
        <NetworkResult network="a" settings={settings} final={final.a} latest={latest.a} epoch={epoch} />
        <NetworkResult network="b" settings={settings} final={final.b} latest={latest.b} epoch={epoch} />
        <Gap final={final} settings={settings} />
      </div>
      {seeds > 1 && comparison && comparison.a.length > 1 && (
        <Suspense fallback={null}>
          <SeedSpread comparison={comparison} epoch={epoch} sameInit={settings.sameInit} />
        </Suspense>
      )}
      {settings.lesson === 'notebook' && <p className="reference">
        For reference, the notebook got <strong>{formatAccuracy(NOTEBOOK.without)}</strong> without an activation
        and <strong>{formatAccuracy(NOTEBOOK.withRelu)}</strong> with ReLU, from one unseeded run, so its figures
        differ a little from any seeded run here.
      </p>}
      <p className="reference" data-testid="settings-diff">
        {diff.length === 0 ? (
          'These are the notebook’s settings.'
        ) : (
          <>
            Changed from the notebook’s settings:{' '}
            {diff.map((d, i) => (
              <span key={d.key}>
                {i > 0 && ', '}
                <code>{`${d.key}=${d.value}`}</code>
              </span>
            ))}
            .
          </>
        )}
      </p>
    </section>
  );
}
