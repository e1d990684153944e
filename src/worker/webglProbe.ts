/**
 * Whether WebGL2 works, and on what renderer: what `auto` needs to know before timing WebGL. No
 * tfjs here: this module also runs alone in the probe worker.
 */

/** Renderers that draw on the CPU: WebGL through them is slower than WASM for this workload. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export type WebGLProbe = { ok: true; renderer: string; software: string | null } | { ok: false };

/**
 * Probed on a 1×1 OffscreenCanvas, so the decision costs no tfjs download. The first context of
 * a page can block the calling thread for a few hundred ms while the GPU process starts (300–600
 * ms with SwiftShader here): the worker probes in a worker of its own (probe.ts), once nothing
 * trains.
 */
export function probeWebGL(): WebGLProbe {
  try {
    if (typeof OffscreenCanvas === 'undefined') return { ok: false };
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return { ok: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown GPU');
    return { ok: true, renderer, software: softwareRenderer(renderer) };
  } catch {
    return { ok: false };
  }
}

/** The name of the software renderer behind a WebGL renderer string, or null for a real GPU. */
export function softwareRenderer(renderer: string): string | null {
  const match = SOFTWARE_RENDERER.exec(renderer);
  if (!match) return null;
  const lower = match[0].toLowerCase();
  if (lower === 'swiftshader') return 'SwiftShader';
  if (lower === 'llvmpipe' || lower === 'softpipe') return lower;
  return 'software';
}
