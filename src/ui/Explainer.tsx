/**
 * What the student is looking at, in four sentences, using the current settings' numbers.
 */
import { memo } from 'react';
import type { Settings } from '../state/schema';
import { ACTIVATION_LABEL } from './labels';

function shape(s: Settings): string {
  const hidden = Array.from({ length: s.layers }, () => String(s.hidden)).join(' → ');
  const inputs = s.dataset === 'classification' ? s.features : 2;
  return `${inputs} inputs → ${hidden} hidden → 1 output`;
}

function uses(act: Settings['actA']): string {
  return act === 'none' ? 'has no activation' : `uses ${ACTIVATION_LABEL[act]}`;
}

export const Explainer = memo(function Explainer({ settings }: { settings: Settings }) {
  return (
    <p className="explainer">
      Two networks of the same shape ({shape(settings)})
      {settings.sameInit ? ', starting from the same weights,' : ''} learn to sort the same points into two classes.
      The only difference is the activation after each hidden layer: network <b className="net-a">A</b>{' '}
      {uses(settings.actA)}, network <b className="net-b">B</b> {uses(settings.actB)}. Without an activation the
      layers multiply out to one matrix, so a network is a single linear model however many layers it has. Watch
      the <em>test</em> loss: it scores each network on data it never trained on.
    </p>
  );
});
