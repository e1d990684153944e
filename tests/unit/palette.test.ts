/**
 * Network A and B stay apart for colour-blind readers: their line colours, in both themes, remain
 * clearly different under simulated protanopia, deuteranopia and tritanopia, and A is dashed where B
 * is solid, so even a greyscale print tells them apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NETWORK_STROKE } from '../../src/ui/chartStyle';

/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
const DEFICIENCIES: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
  none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function hexToLinear(hex: string): number[] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => toLinear(v / 255));
}

/** CIE L*a*b* (D65) of a linear-RGB colour. */
function lab([r, g, b]: number[]): number[] {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const [R, G, B] = [clamp(r), clamp(g), clamp(b)];
  const xyz = [
    (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047,
    0.2126 * R + 0.7152 * G + 0.0722 * B,
    (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883,
  ];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map(f);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const simulate = (m: number[][], c: number[]) => m.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2]);
const deltaE = (p: number[], q: number[]) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);

/** --net-a and --net-b of the light theme (the first :root) and the dark one (the media query's). */
function themes(): Record<'light' | 'dark', { a: string; b: string }> {
  const css = readFileSync('src/ui/styles.css', 'utf8');
  const dark = css.indexOf('@media (prefers-color-scheme: dark)');
  const pick = (from: number, name: string) => {
    const m = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css.slice(from));
    if (!m) throw new Error(`styles.css has no --${name}`);
    return m[1];
  };
  return { light: { a: pick(0, 'net-a'), b: pick(0, 'net-b') }, dark: { a: pick(dark, 'net-a'), b: pick(dark, 'net-b') } };
}

describe('the networks’ colours', () => {
  for (const [theme, { a, b }] of Object.entries(themes())) {
    it(`stay far apart in the ${theme} theme (${a} vs ${b}) for every common colour-vision deficiency`, () => {
      for (const [name, m] of Object.entries(DEFICIENCIES)) {
        const d = deltaE(lab(simulate(m, hexToLinear(a))), lab(simulate(m, hexToLinear(b))));
        // ΔE*ab 20 and more reads as two different colours at a glance; 2.3 is barely noticeable.
        expect(d, `${name}: ΔE ${d.toFixed(1)}`).toBeGreaterThanOrEqual(20);
      }
    });
  }

  it('differ by line style too: A dashed, B solid', () => {
    expect(NETWORK_STROKE.a.dash).toBeTruthy();
    expect(NETWORK_STROKE.b.dash).toBeUndefined();
  });
});
