/**
 * The Export button and its panel. The panel's code (and the code of each export) loads only when
 * the button is first pressed: nobody needs it to see the first epoch.
 */
import { lazy, Suspense, useId, useRef, useState } from 'react';
import type { Settings } from '../../state/schema';
import type { Trainer } from '../useTrainer';

const ExportPanel = lazy(() => import('../export/ExportPanel'));

export interface ExportMenuProps {
  readonly settings: Settings;
  readonly trainer: Trainer;
}

export function ExportMenu({ settings, trainer }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="export-menu" data-part="export">
      <button ref={button} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Export
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportPanel id={panelId} settings={settings} trainer={trainer} opener={button}
            onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
