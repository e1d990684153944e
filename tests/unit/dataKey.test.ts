/**
 * The worker reuses a run's data for the next run when their data keys are equal, so the key must
 * name every setting the data depends on: a setting outside it must not change the data.
 */
import { describe, expect, it } from 'vitest';
import { DATA_KEYS, dataKey, prepareData } from '../../src/data/fromSettings';
import { parseQuery } from '../../src/state/query';
import { KEYS, SCHEMA, type Key, type Settings } from '../../src/state/schema';

const BASE = parseQuery('samples=200&features=6&informative=4&redundant=1&clusters=1').settings;

/** A valid value of `key` other than `s[key]`. */
function another(s: Settings, key: Key): Settings[Key] {
  const row = SCHEMA[key];
  const v = s[key];
  switch (row.kind) {
    case 'enum':
      return row.values.find((x) => x !== v) as Settings[Key];
    case 'bool':
      return !v;
    case 'list':
      return v;
    case 'autoint':
      return row.min;
    case 'int':
      return v === row.min ? row.min + 1 : row.min;
    case 'float':
      return v === row.max ? (row.min + row.max) / 2 : row.max;
  }
}

describe('dataKey', () => {
  const base = prepareData(BASE);
  const others = KEYS.filter((k) => SCHEMA[k].scope === 'experiment' && !(DATA_KEYS as readonly Key[]).includes(k));

  it.each(others)('%s leaves the data as it is', (key) => {
    const s = { ...BASE, [key]: another(BASE, key) } as Settings;
    expect(dataKey(s)).toBe(dataKey(BASE));
    expect(prepareData(s)).toEqual(base);
  });

  it.each([...DATA_KEYS])('%s is part of the key', (key) => {
    expect(dataKey({ ...BASE, [key]: another(BASE, key) } as Settings)).not.toBe(dataKey(BASE));
  });

  it('a classification setting that changes the data changes the key', () => {
    const s = { ...BASE, dataSeed: 8 };
    expect(prepareData(s).xTrain).not.toEqual(base.xTrain);
    expect(dataKey(s)).not.toBe(dataKey(BASE));
  });
});
