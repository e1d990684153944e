/**
 * The service worker: after the first visit the app opens and trains with the network off.
 *
 * Built by the offline plugin (scripts/vite/offline.ts), which writes the list of every emitted
 * file and a hash of their contents in place of the two placeholders below and transpiles this
 * file on its own, so it must not import anything. A new deployment has a new hash, hence a new
 * sw.js: the browser installs it next to the running one, the page offers to reload, and on
 * activation the old version's cache is deleted.
 */

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
/** The parts of ServiceWorkerGlobalScope this file uses (the project's lib is DOM, not WebWorker). */
interface Scope {
  readonly location: { readonly origin: string };
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}

const sw = self as unknown as Scope;
const VERSION: string = '__VERSION__';
const PRECACHE: readonly string[] = ['__PRECACHE__'];

const PREFIX = 'activation-lab-';
const CACHE = `${PREFIX}${VERSION}`;
/** Every page of the app is index.html with another query string. */
const INDEX = new URL('index.html', sw.registration.scope).href;

sw.addEventListener('install', (e) => {
  // cache: 'reload' so that a stale HTTP-cached file never enters a new version's cache.
  const requests = PRECACHE.map((path) => new Request(new URL(path, sw.registration.scope), { cache: 'reload' }));
  e.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

sw.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    // Take over the page that registered us, so its lazily loaded code comes from the cache too.
    await sw.clients.claim();
  })());
});

// The page sends this when the user accepts "A new version is ready".
sw.addEventListener('message', (e) => {
  const data = e.data as { type?: unknown } | null;
  if (data?.type === 'skipWaiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  e.respondWith(respond(request));
});

/**
 * Cache first: the files of a version never change (their names carry content hashes, and
 * index.html belongs to the version that precached it). A miss goes to the network, and what it
 * brings is kept for the next time the network is gone.
 */
async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const navigate = request.mode === 'navigate';
  // ignoreVary: the server varies on Origin (its CORS headers), which differs between the precache
  // request and the page's own module and stylesheet requests; the bytes are the same.
  const hit = await cache.match(navigate ? INDEX : request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (!navigate && response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

// A module for TypeScript (its declarations stay local); the type-only export leaves no trace in sw.js.
export type {};
