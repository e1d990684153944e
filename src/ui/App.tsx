/**
 * The page: settings from the URL -> the trainer hook -> charts and results. Composition only; the
 * state lives in the hooks and the arithmetic in src/state.
 */
import { Controls } from './Controls';
import { Explainer } from './Explainer';
import { networkName, networkTitle } from './labels';
import { LossChart } from './LossChart';
import { Notice } from './Notice';
import { OverlayChart } from './OverlayChart';
import { ResultsPanel } from './ResultsPanel';
import { RunAlert } from './RunAlert';
import { Toolbar } from './Toolbar';
import { useRunFigures } from './useRunFigures';
import { useTrainer } from './useTrainer';
import { useUrlSettings } from './useUrlSettings';

export function App() {
  const { settings, setSettings, problems, dismissProblems } = useUrlSettings();
  const trainer = useTrainer(settings);
  const figures = useRunFigures(trainer);
  const epochs = trainer.info?.epochs ?? settings.epochs;
  const epoch = trainer.records.length;
  const titles = { a: networkTitle('a', settings.actA), b: networkTitle('b', settings.actB) };
  const placeholder = trainer.status === 'idle' ? 'Press Train to watch this network learn.' : 'Preparing the data…';

  return (
    <div className="page">
      <header className="masthead">
        <h1>Activation Lab</h1>
        <p className="tagline">Why neural networks need activation functions</p>
      </header>
      <Notice problems={problems} onDismiss={dismissProblems} />
      <main className="layout">
        <div className="stage">
          <Explainer settings={settings} />
          <Toolbar status={trainer.status} epoch={epoch} epochs={epochs} backend={trainer.backend}
            trainMs={trainer.trainMs} commands={trainer} />
          <RunAlert error={trainer.error} diverged={trainer.diverged} info={trainer.info} />
          <section className="charts" aria-label="Loss per epoch">
            <LossChart network="a" title={titles.a} data={figures.curves.a} epochs={epochs}
              yDomain={figures.yDomain} placeholder={placeholder} />
            <LossChart network="b" title={titles.b} data={figures.curves.b} epochs={epochs}
              yDomain={figures.yDomain} placeholder={placeholder} />
          </section>
          <ResultsPanel settings={settings} final={figures.final} latest={figures.latest} epoch={epoch}
            seeds={settings.seeds} />
          <OverlayChart data={figures.pair} epochs={epochs} yDomain={figures.yDomain}
            names={{ a: networkName('a', settings.actA), b: networkName('b', settings.actB) }} />
        </div>
        <aside className="sidebar">
          <Controls settings={settings} onChange={setSettings} />
        </aside>
      </main>
    </div>
  );
}
