import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { firstRunSettled } from './ui/useTrainer';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline use: production only, since a service worker caching the dev server's modules would serve
// stale code across edits. After the load event and the first run (or 10 s), so that caching every
// asset (~840 kB) competes with neither the first paint nor the first curves (it cost the first
// epoch ~0.25 s on a first visit here, docs/performance.md).
if (import.meta.env.PROD) {
  window.addEventListener('load', () => {
    void Promise.race([firstRunSettled, new Promise((resolve) => setTimeout(resolve, 10_000))])
      .then(() => import('./offline/register'))
      .then((m) => m.registerServiceWorker());
  });
}
