/**
 * The settings a student or instructor changes: per network, then what both share, then the data.
 * Every field is a schema row; changing one while training restarts the run with it.
 */
import { memo } from 'react';
import type { NetworkId } from '../engine/model';
import { DEFAULTS, type Settings } from '../state/schema';
import { CheckboxField, NumberField, SelectField, SliderField } from './Field';
import { DatasetFields } from './DatasetFields';
import { NETWORK_LETTER } from './labels';

export interface ControlsProps {
  readonly settings: Settings;
  readonly onChange: (next: Settings) => void;
}

const NETWORK_KEYS = {
  a: { act: 'actA', drop: 'dropA' },
  b: { act: 'actB', drop: 'dropB' },
} as const satisfies Record<NetworkId, { act: 'actA' | 'actB'; drop: 'dropA' | 'dropB' }>;

function NetworkControls({ network, settings, onChange }: ControlsProps & { network: NetworkId }) {
  const keys = NETWORK_KEYS[network];
  return (
    <fieldset className={`group group-${network}`} data-part={network === 'a' ? 'networkA' : 'networkB'}>
      <legend className={`net-title net-${network}`}>Network {NETWORK_LETTER[network]}</legend>
      <SelectField k={keys.act} settings={settings} onChange={onChange} />
      <SliderField k={keys.drop} settings={settings} onChange={onChange} step={0.05} />
    </fieldset>
  );
}

export const Controls = memo(function Controls({ settings, onChange }: ControlsProps) {
  const props = { settings, onChange };
  // Only the experiment keys go back to the notebook's values; view keys (backend, autostart) stay.
  const notebook: Settings = { ...DEFAULTS, backend: settings.backend, autostart: settings.autostart };
  return (
    <section className="controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="section-title">Settings</h2>
      <NetworkControls network="a" {...props} />
      <NetworkControls network="b" {...props} />
      <fieldset className="group" data-part="shared">
        <legend>Both networks</legend>
        <NumberField k="hidden" {...props} />
        <NumberField k="layers" {...props} />
        <SelectField k="optimizer" {...props} />
        <NumberField k="lr" {...props} />
        <NumberField k="batch" {...props} />
        <NumberField k="wd" {...props} />
        <NumberField k="epochs" {...props} />
        <NumberField k="initSeed" {...props} />
        <div className="part" data-part="seeds"><NumberField k="seeds" {...props} /></div>
        <CheckboxField k="sameInit" {...props} />
      </fieldset>
      <fieldset className="group" data-part="data">
        <legend>Data</legend>
        <SelectField k="dataset" {...props} />
        <NumberField k="samples" {...props} />
        <DatasetFields {...props} />
        <NumberField k="testSize" {...props} />
        <CheckboxField k="standardize" {...props} />
        <NumberField k="dataSeed" {...props} />
      </fieldset>
      <button type="button" className="link-button" onClick={() => onChange(notebook)}>
        Back to the notebook’s settings
      </button>
    </section>
  );
});
