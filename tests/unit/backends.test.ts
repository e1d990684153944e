/**
 * Which WebGL renderers count as software (and so lose to WASM in `auto`).
 */
import { describe, expect, it } from 'vitest';
import { softwareRenderer } from '../../src/worker/backends';

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
