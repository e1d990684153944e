/**
 * Registering the service worker (production builds only, loaded after the page's load event by
 * main.tsx) and noticing when a newer version has been installed next to the running one. The page
 * then says "A new version is ready" with a Reload button rather than reloading by itself: nobody
 * wants the page to restart in the middle of a lecture. The notice is plain DOM, styled by
 * lecture.css, so that none of this weighs on the first paint.
 */

function showUpdateNotice(waiting: ServiceWorker): void {
  if (document.querySelector('[data-testid="update-notice"]')) return;
  const notice = document.createElement('div');
  notice.className = 'update-notice';
  notice.setAttribute('role', 'status');
  notice.dataset.testid = 'update-notice';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'skipWaiting' });
  });
  notice.append('A new version is ready. ', button);
  document.body.append(notice);
}

/** `register` resolves to nothing where service workers are blocked (e.g. Playwright's `serviceWorkers: 'block'`). */
function watch(registration: ServiceWorkerRegistration | undefined): void {
  if (!registration) return;
  // Only an update is news: on the first visit there is no controller and nothing to replace.
  const isUpdate = () => navigator.serviceWorker.controller !== null;
  if (registration.waiting && isUpdate()) showUpdateNotice(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const next = registration.installing;
    next?.addEventListener('statechange', () => {
      if (next.state === 'installed' && isUpdate()) showUpdateNotice(next);
    });
  });
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).then(watch, (e: unknown) => {
    console.warn(`Offline use is not available: ${e instanceof Error ? e.message : String(e)}`);
  });
}
