import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline use: production only, since a service worker caching the dev server's modules would serve
// stale code across edits. After the load event, so that caching every asset never competes with
// the first paint.
if (import.meta.env.PROD) {
  window.addEventListener('load', () => {
    void import('./offline/register').then((m) => m.registerServiceWorker());
  });
}
