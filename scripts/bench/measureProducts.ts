/**
 * The bare matrix products of the same epochs, on each backend, in the same browser: a separate
 * bench-only page (products.html), built on its own into dist-bench-products and never part of the
 * app's build. Its worker starts the backend with the app's own code (selectBackend).
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import type { BrowserContext } from 'playwright-core';
import type { ProductsResult } from './productsWorker';

/** Build the products page into `outDir` (unminified: tfjs's threaded WASM glue needs that, see vite.config.ts). */
export async function buildProductsPage(outDir: string): Promise<void> {
  const root = resolve(import.meta.dirname);
  await build({
    configFile: false,
    root,
    base: '/',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: false, target: 'es2022', rollupOptions: { input: resolve(root, 'products.html') } },
    worker: { format: 'es' },
  });
}

/** ms per epoch of the products for each member count, on `backend` with the given threads setting. */
export async function measureProducts(context: BrowserContext, origin: string, backend: string, threads: string,
  members: number[], epochs: number): Promise<ProductsResult> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/products.html?backend=${backend}&threads=${threads}&members=${members.join(',')}&epochs=${epochs}`);
    await page.waitForFunction(() => (window as unknown as { __products?: unknown }).__products, undefined, { timeout: 240_000 });
    return await page.evaluate(() => (window as unknown as { __products: ProductsResult }).__products);
  } finally {
    await page.close();
  }
}
