/** Names and delivery of exported files. */
import type { LessonName } from '../../state/schema';

/** "2025-03-14", in the user's own time zone (the day they ran it). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** activation-lab-<lesson>-<date>[-<part>].<ext>, e.g. activation-lab-moons-2025-03-14-chart-a.png */
export function exportName(lesson: LessonName, ext: string, part?: string, date = new Date()): string {
  return `activation-lab-${lesson}-${localDate(date)}${part ? `-${part}` : ''}.${ext}`;
}

/** Hand a file to the browser's downloads. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
