/**
 * URL query <-> Settings, driven by the schema table. Parsing has no side effects and never throws:
 * every bad key falls back to its default and is reported as a problem that names it, so the page
 * can show a notice and the CLI can refuse to run.
 */
import { DEFAULTS, KEYS, MAX_CELLS, MAX_UNIT_VALUES, SCHEMA, type Key, type Row, type Settings } from './schema';
import { lessonBase } from './lessons';

/** One key that could not be used as given. `value` is the raw text, shortened for display. */
export interface SettingProblem {
  readonly key: string;
  readonly value: string;
  readonly message: string;
}

export interface ParseResult {
  readonly settings: Settings;
  readonly problems: readonly SettingProblem[];
}

const MAX_SHOWN = 40;

/** Shorten a raw value for a message; the text is only ever rendered as text, never as HTML. */
export function shown(raw: string): string {
  return raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw;
}

const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What a row accepts, in words, for error messages and help. */
export function allowed(row: Row): string {
  switch (row.kind) {
    case 'int':
      return `an integer in ${row.min}..${row.max}`;
    case 'autoint':
      return `"auto" or an integer in ${row.min}..${row.max}`;
    case 'float':
      return `a number in ${row.min}..${row.max}`;
    case 'bool':
      return '0 or 1';
    case 'enum':
      return `one of ${row.values.join(', ')}`;
    case 'list':
      return `a comma-separated list of ${row.values.join(', ')}`;
  }
}

/** Parse one raw value against its row. Returns the value, or a message saying what is allowed. */
export function parseValue(key: Key, raw: string): { ok: true; value: Settings[Key] } | { ok: false; message: string } {
  const row: Row = SCHEMA[key];
  const text = raw.trim();
  const bad = { ok: false as const, message: `${key} must be ${allowed(row)}, got "${shown(raw)}"` };
  switch (row.kind) {
    case 'bool':
      if (text === '1' || text === 'true') return { ok: true, value: true };
      if (text === '0' || text === 'false') return { ok: true, value: false };
      return bad;
    case 'enum':
      return row.values.includes(text) ? { ok: true, value: text as Settings[Key] } : bad;
    case 'list': {
      const items = text === '' ? [] : text.split(',').map((x) => x.trim());
      if (!items.every((x) => row.values.includes(x))) return bad;
      // A set: schema order, no repeats, so equal sets serialise alike.
      return { ok: true, value: row.values.filter((v) => items.includes(v)) as Settings[Key] };
    }
    case 'autoint':
      if (text === 'auto' || text === '') return { ok: true, value: null };
      return INT_RE.test(text) && inRange(Number(text), row) ? { ok: true, value: Number(text) } : bad;
    case 'int':
      return INT_RE.test(text) && inRange(Number(text), row) ? { ok: true, value: Number(text) } : bad;
    case 'float':
      return FLOAT_RE.test(text) && inRange(Number(text), row) ? { ok: true, value: Number(text) } : bad;
  }
}

function inRange(v: number, row: { min: number; max: number }): boolean {
  return Number.isFinite(v) && v >= row.min && v <= row.max;
}

function isKey(k: string): k is Key {
  return Object.prototype.hasOwnProperty.call(SCHEMA, k);
}

/**
 * Parse a query string (with or without a leading "?"). `lesson` is read first: its preset is the
 * base that every other key overrides. Unknown keys, repeated keys, malformed or out-of-range
 * values, and combinations that cannot work together are all reported; the affected keys keep
 * the base's values.
 */
export function parseQuery(query: string): ParseResult {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const problems: SettingProblem[] = [];
  const seen = new Map<string, number>();
  for (const [k] of params) seen.set(k, (seen.get(k) ?? 0) + 1);
  const given = new Map<Key, Settings[Key]>();
  for (const [k, count] of seen) {
    const raw = params.get(k) ?? '';
    if (!isKey(k)) {
      problems.push({ key: shown(k), value: shown(raw), message: `unknown setting "${shown(k)}"` });
    } else if (count > 1) {
      problems.push({ key: k, value: shown(raw), message: `${k} is given ${count} times; give it once` });
    } else {
      const r = parseValue(k, raw);
      if (r.ok) given.set(k, r.value);
      else problems.push({ key: k, value: shown(raw), message: r.message });
    }
  }
  const base = lessonBase((given.get('lesson') as Settings['lesson'] | undefined) ?? DEFAULTS.lesson);
  const settings: Settings = { ...base };
  for (const [k, v] of given) assign(settings, k, v);
  for (const p of checkCombination(settings)) {
    problems.push(p);
    for (const k of p.keys) assign(settings, k, base[k]);
  }
  // A combination can still fail after the reset (e.g. only one of the keys was given): the
  // lesson's own values always pass, so resetting every data key is the last resort.
  if (checkCombination(settings).length > 0) for (const k of DATA_KEYS) assign(settings, k, base[k]);
  return { settings, problems };
}

function assign<K extends Key>(s: Settings, k: K, v: Settings[K]): void {
  s[k] = v;
}

const DATA_KEYS = ['samples', 'features', 'informative', 'redundant', 'repeated', 'clusters'] as const;

/** Cross-key rules: what make_classification and memory allow together. */
export function checkCombination(s: Settings): (SettingProblem & { keys: Key[] })[] {
  const out: (SettingProblem & { keys: Key[] })[] = [];
  const nFeatures = s.dataset === 'classification' ? s.features : 2;
  if (s.samples * nFeatures > MAX_CELLS) {
    out.push({ key: 'samples', value: String(s.samples), keys: ['samples', 'features'],
      message: `samples × features must be at most ${MAX_CELLS.toLocaleString('en-US')}, got ${s.samples} × ${nFeatures}` });
    return out;
  }
  const units = 2 * s.seeds * s.hidden * (s.samples + nFeatures);
  if (units > MAX_UNIT_VALUES) {
    out.push({ key: 'seeds', value: String(s.seeds), keys: ['seeds', 'hidden', 'samples'],
      message: `2 networks × seeds × hidden × (samples + features) must be at most ${MAX_UNIT_VALUES.toLocaleString('en-US')} values in memory, got 2 × ${s.seeds} × ${s.hidden} × ${s.samples + nFeatures}` });
    return out;
  }
  if (s.dataset !== 'classification') return out;
  const informative = s.informative ?? s.features;
  if (informative + s.redundant + s.repeated > s.features) {
    out.push({ key: 'informative', value: String(informative), keys: ['informative', 'redundant', 'repeated', 'features'],
      message: `informative + redundant + repeated must be at most features (${s.features}), got ${informative} + ${s.redundant} + ${s.repeated}` });
  } else if (informative < 31 && 2 * s.clusters > 2 ** informative) {
    out.push({ key: 'clusters', value: String(s.clusters), keys: ['clusters', 'informative'],
      message: `2 classes × clusters must be at most 2^informative = ${2 ** informative}, got 2 × ${s.clusters}` });
  }
  return out;
}

/**
 * Serialise to a query string: the lesson (unless it is the notebook), then only the keys that
 * differ from that lesson's preset, in schema order.
 */
export function toQuery(s: Settings): string {
  const params = new URLSearchParams();
  const base = lessonBase(s.lesson);
  for (const k of KEYS) {
    const v = s[k];
    if (k !== 'lesson' && same(v, base[k])) continue;
    if (k === 'lesson' && v === DEFAULTS.lesson) continue;
    params.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : v === null ? 'auto' : Array.isArray(v) ? v.join(',') : String(v));
  }
  return params.toString();
}

/** The experiment part of the settings as a canonical string: equal exactly when the runs are. */
export function experimentKey(s: Settings): string {
  return KEYS.filter((k) => SCHEMA[k].scope === 'experiment').map((k) => `${k}=${String(s[k])}`).join('&');
}

/** Equal setting values (lists compare by content). */
export function same<T>(a: T, b: T): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.join(',') === b.join(',') : a === b;
}

/** The settings that differ from the notebook's, as `key=value` pairs (for "how this differs" lines). */
export function differences(s: Settings): { key: Key; value: string }[] {
  return KEYS.filter((k) => k !== 'lesson' && SCHEMA[k].scope === 'experiment' && s[k] !== DEFAULTS[k]).map((k) => ({
    key: k,
    value: String(s[k]),
  }));
}
