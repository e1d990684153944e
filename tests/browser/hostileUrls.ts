/**
 * Random and hostile URL queries for the robustness test, from a seeded generator so that a failure
 * names a seed and an index that reproduce it. Each query comes with the keys the page must name
 * in its notice: every key given a bad value, every unknown key, every repeated key. Keys given a
 * valid value may also be named (a combination of them can be refused), never a key not given.
 */
import { shown } from '../../src/state/query';
import { KEYS, SCHEMA, type Key, type Row } from '../../src/state/schema';

export interface HostileUrl {
  readonly query: string;
  /** Keys the notice must name (as the notice shows them: long keys shortened). */
  readonly mustName: string[];
  /** Every key the query gives (as shown): the notice names no other. */
  readonly given: string[];
}

/** mulberry32: a small, fast, seedable generator; plenty for picking test cases. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values no row accepts: wrong types, huge, negative, NaN, markup, very long, odd encodings. */
const BAD_VALUES = [
  'abc', '-5', '-1e9', 'NaN', 'Infinity', '-Infinity', '1e308', '99999999999999999999', '0x1F', '１２', '\u0000',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '${7*7}', '{{constructor}}', '9'.repeat(5000),
  'x'.repeat(3000), '1,2,3;drop table', 'true&false', '😀', '%E0%A4%A', '../../etc/passwd',
];

/** Keys no row has, including ones that mean something to JavaScript objects. */
const UNKNOWN_KEYS = [
  'bogus', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '<b>x</b>', '<script>alert(1)</script>',
  'k'.repeat(200), 'hidden ', 'HIDDEN', 'épochs', '', 'a[b]', 'lr[]',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A value the row accepts. Kept small so that an autostarted page trains quickly. */
function validValue(r: () => number, row: Row): string {
  switch (row.kind) {
    case 'int':
    case 'autoint':
      return String(row.min + Math.floor(r() * Math.min(20, row.max - row.min + 1)));
    case 'float':
      return String(Number((row.min + r() * (row.max - row.min)).toPrecision(3)));
    case 'bool':
      return r() < 0.5 ? '0' : '1';
    case 'enum':
      return pick(r, row.values);
    case 'list':
      return row.values.filter(() => r() < 0.3).join(',');
  }
}

/**
 * `count` queries from `seed`. Most carry autostart=0 so the 200 pages do not all start training;
 * one in ten lets the page train with whatever settings survived.
 */
export function hostileUrls(seed: number, count: number): HostileUrl[] {
  const r = rng(seed);
  const out: HostileUrl[] = [];
  for (let i = 0; i < count; i++) {
    const params: [string, string][] = [];
    const mustName = new Set<string>();
    const used = new Set<string>();
    const n = 1 + Math.floor(r() * 5);
    for (let j = 0; j < n; j++) {
      const kind = r();
      const key = pick(r, KEYS);
      if (used.has(key)) continue;
      if (kind < 0.45) {
        params.push([key, pick(r, BAD_VALUES)]);
        mustName.add(key);
      } else if (kind < 0.65) {
        const unknown = pick(r, UNKNOWN_KEYS);
        if (unknown === '') continue;
        params.push([unknown, pick(r, [...BAD_VALUES, '1'])]);
        mustName.add(shown(unknown));
      } else if (kind < 0.8) {
        params.push([key, validValue(r, SCHEMA[key as Key])], [key, validValue(r, SCHEMA[key as Key])]);
        mustName.add(key);
      } else {
        params.push([key, validValue(r, SCHEMA[key as Key])]);
      }
      used.add(key);
    }
    if (!used.has('autostart') && r() < 0.9) params.push(['autostart', '0']);
    const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    out.push({ query, mustName: [...mustName], given: [...new Set(params.map(([k]) => shown(k)))] });
  }
  return out;
}
