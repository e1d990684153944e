/**
 * The page: settings from the URL -> the trainer hook -> charts and results. Composition only; the
 * state lives in the hooks and the arithmetic in src/state.
 */
import { lazy, Suspense, useDeferredValue } from 'react';
import { Controls } from './Controls';
import { Explainer } from './Explainer';
import { networkName, networkTitle } from './labels';
import { LessonPicker, LookFor } from './LessonPicker';
import { LossChart } from './LossChart';
import { ResultsPanel } from './ResultsPanel';
import { Toolbar } from './Toolbar';
import { useRunFigures } from './useRunFigures';
import { useTrainer } from './useTrainer';
import { useUrlSettings } from './useUrlSettings';
import { LossTable, PairTable } from './lecture/ChartTable';
import { ControlsPanel } from './lecture/ControlsPanel';
import { LectureBar } from './lecture/LectureBar';
import { useLecture } from './lecture/useLecture';

// Below the first screen and the heaviest part of the page to draw: fetched after the first paint.
const LookInside = lazy(() => import('./LookInside'));
// Below the fold on every screen: fetched after the first paint (the page's JS budget is 200 kB).
const OverlayChart = lazy(() => import('./OverlayChart').then((m) => ({ default: m.OverlayChart })));
// Shown only when something is wrong with the link or the run: fetched then, not with the page.
const Notice = lazy(() => import('./Notice').then((m) => ({ default: m.Notice })));
const RunAlert = lazy(() => import('./RunAlert').then((m) => ({ default: m.RunAlert })));

export function App() {
  const { settings, setSettings, problems, dismissProblems } = useUrlSettings();
  const trainer = useTrainer(settings);
  const figures = useRunFigures(trainer);
  const lecture = useLecture(settings, setSettings, trainer);
  const epochs = trainer.info?.epochs ?? settings.epochs;
  const epoch = trainer.records.length;
  const training = trainer.status === 'training';
  // The look-inside panels are the heaviest part of the page to draw and change only with a new run
  // or snapshot: rendered after the charts, in the background, so a frame never waits for them.
  const inside = { info: useDeferredValue(trainer.info), snapshot: useDeferredValue(trainer.snapshot) };
  const titles = { a: networkTitle('a', settings.actA), b: networkTitle('b', settings.actB) };
  const placeholder = trainer.status === 'idle' ? 'Press Train to watch this network learn.' : 'Preparing the data…';

  return (
    <div {...lecture.pageProps}>
      <header className="masthead">
        <h1>Activation Lab</h1>
        <p className="tagline">Why neural networks need activation functions</p>
      </header>
      {problems.length > 0 && (
        <Suspense fallback={null}><Notice problems={problems} onDismiss={dismissProblems} /></Suspense>
      )}
      <main className="layout">
        <div className="stage">
          <LessonPicker settings={settings} onChange={setSettings} />
          {/* The lesson above says what this run is about; the general set-up is one click away. */}
          <details className="setup-details">
            <summary>How the two networks differ</summary>
            <Explainer settings={settings} />
          </details>
          <Toolbar status={trainer.status} epoch={epoch} epochs={epochs} backend={trainer.backend}
            trainMs={trainer.trainMs} commands={trainer} />
          <LectureBar lecture={lecture} settings={settings} onChange={setSettings} trainer={trainer} />
          {(trainer.error !== null || trainer.diverged !== null) && (
            <Suspense fallback={null}><RunAlert error={trainer.error} diverged={trainer.diverged} info={trainer.info} /></Suspense>
          )}
          <LookFor lesson={settings.lesson} />
          <section className="charts" aria-label="Loss per epoch">
            <div className="chart-cell">
              <LossChart network="a" title={titles.a} data={figures.curves.a} epochs={epochs}
                yDomain={figures.yDomain} placeholder={placeholder} training={training} />
              <LossTable network="a" title={titles.a} rows={figures.curves.a} />
            </div>
            <div className="chart-cell">
              <LossChart network="b" title={titles.b} data={figures.curves.b} epochs={epochs}
                yDomain={figures.yDomain} placeholder={placeholder} training={training} />
              <LossTable network="b" title={titles.b} rows={figures.curves.b} />
            </div>
          </section>
          <ResultsPanel settings={settings} final={figures.final} latest={figures.latest} epoch={epoch}
            seeds={settings.seeds} comparison={figures.comparison} />
          <Suspense fallback={null}>
            <OverlayChart data={figures.pair} epochs={epochs} yDomain={figures.yDomain} training={training}
              names={{ a: networkName('a', settings.actA), b: networkName('b', settings.actB) }} />
          </Suspense>
          <PairTable rows={figures.pair} names={{ a: networkName('a', settings.actA), b: networkName('b', settings.actB) }} />
          <div className="part" data-part="inside">
            <Suspense fallback={null}>
              <LookInside settings={settings} info={inside.info} snapshot={inside.snapshot} />
            </Suspense>
          </div>
        </div>
        <ControlsPanel drawer={lecture.drawer}>
          <Controls settings={settings} onChange={setSettings} />
        </ControlsPanel>
      </main>
    </div>
  );
}
