/**
 * The data set's own knobs: make_classification's for the many-feature data, noise (and the
 * circles' inner radius) for the two-feature shapes. Each data set shows only the keys it reads.
 */
import type { DatasetName } from '../state/schema';
import { NumberField, type NumberKey } from './Field';
import type { ControlsProps } from './Controls';

const KEYS_OF: Record<DatasetName, readonly NumberKey[]> = {
  classification: ['features', 'informative', 'sep', 'flip'],
  moons: ['noise'],
  circles: ['noise', 'factor'],
  xor: ['noise'],
};

export function DatasetFields({ settings, onChange }: ControlsProps) {
  return (
    <>
      {KEYS_OF[settings.dataset].map((k) => <NumberField key={k} k={k} settings={settings} onChange={onChange} />)}
    </>
  );
}
