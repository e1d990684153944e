/**
 * How `auto` chooses: which WebGL renderers count as software (and so lose to WASM without a
 * measurement), and, on a real GPU, which backend wins on the measured products.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { autoPlan, pickFaster, WEBGL_MARGIN } from '../../src/worker/backends';
import { softwareRenderer } from '../../src/worker/webglProbe';
import { NOTEBOOK_SHAPES, timeProducts } from '../../src/worker/products';

describe('softwareRenderer', () => {
  it('names the software renderers', () => {
    expect(softwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'))
      .toBe('SwiftShader');
    expect(softwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe('software');
    expect(softwareRenderer('Google SwiftShader')).toBe('SwiftShader');
  });

  it('leaves real GPUs alone', () => {
    expect(softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBeNull();
    expect(softwareRenderer('Apple M1')).toBeNull();
    expect(softwareRenderer('Mali-G78')).toBeNull();
  });
});

describe('autoPlan', () => {
  it('goes straight to WASM without WebGL or on a software renderer, naming why', () => {
    expect(autoPlan({ ok: false })).toEqual({ measure: false, why: 'WebGL unavailable: using WASM' });
    expect(autoPlan({ ok: true, renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)', software: 'llvmpipe' }))
      .toEqual({ measure: false, why: 'software renderer (llvmpipe): WASM is faster here' });
  });

  it('measures on a real GPU', () => {
    expect(autoPlan({ ok: true, renderer: 'Apple M1', software: null })).toEqual({ measure: true, renderer: 'Apple M1' });
  });
});

describe('pickFaster', () => {
  it('takes WebGL when it is clearly faster, and gives both figures', () => {
    expect(pickFaster('Apple M1', { webgl: 3.1, wasm: 4.0 }))
      .toEqual({ name: 'webgl', why: 'GPU: Apple M1; WebGL 3.1 ms vs WASM 4.0 ms per epoch' });
  });

  it('keeps WASM on a near tie or when WebGL is slower', () => {
    const tie = pickFaster('Intel(R) UHD Graphics 620', { webgl: 3.7, wasm: 4.0 });
    expect(tie.name).toBe('wasm');
    expect(tie.why).toBe('GPU: Intel(R) UHD Graphics 620, but WASM is as fast here: WebGL 3.7 ms vs WASM 4.0 ms per epoch');
    expect(pickFaster('Mali-G78', { webgl: 25, wasm: 12 }).why).toContain('WebGL 25 ms vs WASM 12 ms');
    // Just inside the margin WebGL wins.
    expect(pickFaster('Apple M1', { webgl: WEBGL_MARGIN * 4 - 0.01, wasm: 4 }).name).toBe('webgl');
  });

  it('takes whichever backend could run the products when the other failed', () => {
    expect(pickFaster('Apple M1', { webgl: null, wasm: 4 })).toEqual({
      name: 'wasm', why: 'GPU: Apple M1, but WebGL could not run the products: using WASM' });
    expect(pickFaster('Apple M1', { webgl: 3, wasm: null }).name).toBe('webgl');
  });
});

describe('timeProducts', () => {
  it('times the products of an epoch and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const ms = await timeProducts({ ...NOTEBOOK_SHAPES, sizes: [100, 16, 16, 1], nTrain: 400, nTest: 100 }, 2);
    expect(ms).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
