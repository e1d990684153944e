/**
 * Serve the production build (dist/) with `vite preview` on a free localhost port for the browser
 * tests, and stop it afterwards. The build itself is the test script's job (`vite build` first).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // DIST_DIR lets several builds be tested side by side (`vite build --outDir dist-x`).
  const outDir = process.env.DIST_DIR ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`${outDir}/index.html is missing: build the app first (\`npm run test:browser\` runs \`vite build\`)`);
  }
  const port = await freePort();
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await server.close();
  };
}
