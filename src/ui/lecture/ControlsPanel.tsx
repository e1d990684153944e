/**
 * Where the settings live: beside the charts on a wide screen; in a drawer on a phone and in
 * presenter mode, so the charts get the whole width and the projected page shows no form. The
 * drawer (a modal dialog: focus stays inside, Esc closes) loads only where it is used.
 */
import { lazy, Suspense, useState, type ReactNode } from 'react';

const ControlsDrawer = lazy(() => import('./ControlsDrawer'));

export interface ControlsPanelProps {
  readonly drawer: boolean;
  readonly children: ReactNode;
}

export function ControlsPanel({ drawer, children }: ControlsPanelProps) {
  const [open, setOpen] = useState(false);
  if (!drawer) return <aside className="sidebar">{children}</aside>;
  return (
    <>
      <button type="button" className="drawer-toggle" aria-haspopup="dialog" aria-expanded={open}
        onClick={() => setOpen(true)}>
        Settings
      </button>
      <Suspense fallback={null}>
        <ControlsDrawer open={open} onClose={() => setOpen(false)}>{children}</ControlsDrawer>
      </Suspense>
    </>
  );
}
