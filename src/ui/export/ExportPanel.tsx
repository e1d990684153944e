/**
 * The export actions: the finished run as JSON (the `experiment` command's shape) and CSV, each
 * chart as a PNG, and the run as a PyTorch script on the clipboard. Loaded when Export is opened;
 * each action loads its own code when it is used.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { LESSONS } from '../../state/lessons';
import type { Settings } from '../../state/schema';
import { networkTitle } from '../labels';
import type { Trainer } from '../useTrainer';
import { download, exportName, localDate } from './files';

export interface ExportPanelProps {
  readonly id: string;
  readonly settings: Settings;
  readonly trainer: Trainer;
  /** The Export button: Esc closes the panel and puts focus back there. */
  readonly opener: RefObject<HTMLButtonElement | null>;
  readonly onClose: () => void;
}

type ChartId = 'a' | 'b' | 'overlay';

function chartTitle(s: Settings, chart: ChartId): string {
  if (chart === 'overlay') return 'Both networks: loss per epoch';
  return `${networkTitle(chart, chart === 'a' ? s.actA : s.actB)}: loss per epoch`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export default function ExportPanel({ id, settings, trainer, opener, onClose }: ExportPanelProps) {
  const [status, setStatus] = useState('');
  const done = trainer.status === 'done' && trainer.final !== null;
  const drawn = trainer.records.length > 0;
  const run = (what: () => Promise<string>) => {
    setStatus('Working…');
    what().then(setStatus, (e: unknown) => setStatus(`Could not export: ${messageOf(e)}`));
  };

  const saveRun = (format: 'json' | 'csv') => run(async () => {
    const { outcomeOf, runCsv, runJson } = await import('./runDocument');
    const outcome = outcomeOf(trainer);
    if (!outcome) throw new Error('the run has not finished');
    const name = exportName(settings.lesson, format);
    download(format === 'json' ? runJson(settings, trainer.backend?.name ?? 'unknown', outcome) : runCsv(outcome), name);
    return `Saved ${name}`;
  });

  const savePng = (chart: ChartId) => run(async () => {
    const { chartPng } = await import('./chartPng');
    const figure = document.querySelector<HTMLElement>(`[data-testid="chart-${chart}"]`);
    if (!figure) throw new Error('the chart is not on the page');
    const subtitle = `Activation Lab · ${LESSONS[settings.lesson].title} · epoch ${trainer.records.length} of ${settings.epochs} · ${localDate(new Date())}`;
    const name = exportName(settings.lesson, 'png', `chart-${chart}`);
    download(await chartPng(figure, chartTitle(settings, chart), subtitle), name);
    return `Saved ${name}`;
  });

  const copyPytorch = () => run(async () => {
    const { pytorchScript } = await import('../../export/pytorch');
    const script = pytorchScript(settings, `${window.location.origin}${window.location.pathname}`);
    try {
      await navigator.clipboard.writeText(script);
      return 'Copied the PyTorch script: paste it into a .py file or a notebook';
    } catch {
      // No clipboard (an insecure context, or permission refused): the script as a file instead.
      const name = exportName(settings.lesson, 'py');
      download(new Blob([script], { type: 'text/x-python' }), name);
      return `The clipboard is not available here, so the script was saved as ${name}`;
    }
  });

  // Esc closes the panel wherever focus is (on the Export button or in the panel) and puts focus
  // back on the button.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      close.current();
      opener.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [opener]);

  return (
    <div id={id} className="popover export-panel" data-testid="export-panel">
      <div className="export-group" role="group" aria-label="The run's numbers">
        <button type="button" disabled={!done} onClick={() => saveRun('json')}>Results as JSON</button>
        <button type="button" disabled={!done} onClick={() => saveRun('csv')}>Curves as CSV</button>
        {!done && <p className="export-note">JSON and CSV are ready when the run has finished.</p>}
      </div>
      <div className="export-group" role="group" aria-label="Charts as images">
        <button type="button" disabled={!drawn} onClick={() => savePng('a')}>Chart A as PNG</button>
        <button type="button" disabled={!drawn} onClick={() => savePng('b')}>Chart B as PNG</button>
        <button type="button" disabled={!drawn} onClick={() => savePng('overlay')}>Both-networks chart as PNG</button>
      </div>
      <div className="export-group">
        <button type="button" onClick={copyPytorch}>Copy as PyTorch</button>
      </div>
      <p className="export-status" role="status" data-testid="export-status">{status}</p>
    </div>
  );
}
