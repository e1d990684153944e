/**
 * Which networks a run trains, from the settings. Pure: the page's "Copy as PyTorch" uses it
 * without loading tfjs.
 */
import type { Settings } from '../state/schema';
import type { Member, NetworkId } from './model';

export const NETWORKS: readonly NetworkId[] = ['a', 'b'];

/**
 * Every seed of network A, then every seed of network B. Seed s of A uses initSeed + s; B uses the
 * same seed (sameInit, the default: the activation is the only difference) or initSeed + s + 1.
 */
export function membersOf(s: Settings): Member[] {
  return NETWORKS.flatMap((network) =>
    Array.from({ length: s.seeds }, (_, k) => ({
      network,
      initSeed: s.initSeed + k + (network === 'b' && !s.sameInit ? 1 : 0),
      activation: network === 'a' ? s.actA : s.actB,
      dropout: network === 'a' ? s.dropA : s.dropB,
    })),
  );
}
