/**
 * The classroom link: the experiment on screen plus what students should see (hidden parts,
 * presenter mode, autostart, pace). Pure, so the round trip through the URL parser is unit-tested.
 */
import { toQuery } from '../../state/query';
import { HIDEABLE, type Hideable, type Settings } from '../../state/schema';

/** The view settings the instructor picks for the students' page. */
export interface LinkChoice {
  readonly hide: readonly Hideable[];
  readonly present: boolean;
  readonly autostart: boolean;
  readonly pace: number;
}

/** What each hideable part is, in the words of the link builder's checkboxes. */
export const PART_LABEL: Record<Hideable, string> = {
  lessons: 'Lesson buttons (and keys 1–8)',
  networkA: 'Network A’s settings',
  networkB: 'Network B’s settings',
  shared: 'Settings both networks share',
  data: 'Data settings',
  seeds: 'Repeat over seeds',
  pace: 'Pace slider',
  export: 'Export and Copy as PyTorch',
  inside: 'Look inside (the teaching panels)',
};

export function choiceOf(s: Settings): LinkChoice {
  return { hide: s.hide, present: s.present, autostart: s.autostart, pace: s.pace };
}

/** `base` (origin and path) with the query for these settings and choices. */
export function classroomLink(base: string, s: Settings, choice: LinkChoice): string {
  // A set in schema order, as the parser returns it, so equal choices give equal links.
  const hide = HIDEABLE.filter((p) => choice.hide.includes(p));
  const query = toQuery({ ...s, ...choice, hide });
  return query ? `${base}?${query}` : base;
}

/** The choice with `part` shown or hidden. */
export function withPart(choice: LinkChoice, part: Hideable, shown: boolean): LinkChoice {
  const hide = shown ? choice.hide.filter((p) => p !== part) : [...choice.hide, part];
  return { ...choice, hide: HIDEABLE.filter((p) => hide.includes(p)) };
}
