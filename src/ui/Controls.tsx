/**
 * The settings a student or instructor changes: per network, then what both share, then the data.
 * Every field is a schema row; changing one while training restarts the run with it.
 */
import type { NetworkId } from '../engine/model';
import { DEFAULTS, type Settings } from '../state/schema';
import { CheckboxField, NumberField, SelectField, SliderField } from './Field';
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
    <fieldset className={`group group-${network}`}>
      <legend className={`net-title net-${network}`}>Network {NETWORK_LETTER[network]}</legend>
      <SelectField k={keys.act} settings={settings} onChange={onChange} />
      <SliderField k={keys.drop} settings={settings} onChange={onChange} step={0.05} />
    </fieldset>
  );
}

export function Controls({ settings, onChange }: ControlsProps) {
  const props = { settings, onChange };
  // Only the experiment keys go back to the notebook's values; view keys (backend, autostart) stay.
  const notebook: Settings = { ...DEFAULTS, backend: settings.backend, autostart: settings.autostart };
  return (
    <section className="controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="section-title">Settings</h2>
      <NetworkControls network="a" {...props} />
      <NetworkControls network="b" {...props} />
      <fieldset className="group">
        <legend>Both networks</legend>
        <NumberField k="hidden" {...props} />
        <NumberField k="layers" {...props} />
        <NumberField k="lr" {...props} />
        <NumberField k="epochs" {...props} />
        <NumberField k="initSeed" {...props} />
        <CheckboxField k="sameInit" {...props} />
      </fieldset>
      <fieldset className="group">
        <legend>Data</legend>
        <NumberField k="samples" {...props} />
        <NumberField k="features" {...props} />
        <NumberField k="informative" {...props} />
        <NumberField k="sep" {...props} />
        <NumberField k="flip" {...props} />
        <NumberField k="dataSeed" {...props} />
      </fieldset>
      <button type="button" className="link-button" onClick={() => onChange(notebook)}>
        Back to the notebook’s settings
      </button>
    </section>
  );
}
