/**
 * Bench page (scripts/bench.ts builds it on its own, never into the app): starts the products
 * worker with the query's settings and exposes its answer as `window.__products`.
 */
import type { ProductsRequest, ProductsResult } from './productsWorker';

const q = new URLSearchParams(location.search);
const request: ProductsRequest = {
  backend: (q.get('backend') ?? 'wasm') as ProductsRequest['backend'],
  threads: q.get('threads') ?? 'default',
  members: (q.get('members') ?? '2').split(',').map(Number),
  epochs: Number(q.get('epochs') ?? '20'),
};
const worker = new Worker(new URL('./productsWorker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (e: MessageEvent<ProductsResult>) => {
  (window as unknown as { __products: ProductsResult }).__products = e.data;
  document.getElementById('out')!.textContent = JSON.stringify(e.data, null, 2);
};
worker.postMessage(request);
