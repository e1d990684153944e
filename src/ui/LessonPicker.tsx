/**
 * The lessons: a row of buttons to pick one (its preset replaces the experiment settings, see
 * withLesson), the lesson's explanation in plain language, and, placed by the page next to the
 * charts, what to look for on the screen.
 */
import { memo } from 'react';
import { LESSONS, lessonBase } from '../state/lessons';
import { withLesson } from '../state/pickLesson';
import { same } from '../state/query';
import { KEYS, LESSON_NAMES, SCHEMA, type LessonName, type Settings } from '../state/schema';
import './teaching.css';

/** Button labels: short enough that all eight fit on two rows of a phone. */
export const LESSON_LABEL: Record<LessonName, string> = {
  notebook: 'Notebook',
  overfit: 'Overfitting',
  dropout: 'Dropout',
  linear: 'Straight line',
  'deep-linear': 'Deep linear',
  moons: 'Moons',
  circles: 'Circles',
  xor: 'XOR',
};

/** Whether any experiment setting differs from the lesson's preset (the user has changed one). */
function changedFromLesson(s: Settings): boolean {
  const base = lessonBase(s.lesson);
  return KEYS.some((k) => SCHEMA[k].scope === 'experiment' && !same(s[k], base[k]));
}

export interface LessonPickerProps {
  readonly settings: Settings;
  readonly onChange: (next: Settings) => void;
}

export const LessonPicker = memo(function LessonPicker({ settings, onChange }: LessonPickerProps) {
  const lesson = LESSONS[settings.lesson];
  const changed = changedFromLesson(settings);
  return (
    <section className="lesson" aria-labelledby="lesson-heading" data-testid="lesson" data-lesson={settings.lesson}>
      <div className="lesson-picker" role="group" aria-label="Lesson" data-part="lessons">
        <span className="lesson-picker-label" aria-hidden="true">Lesson</span>
        {LESSON_NAMES.map((name) => (
          <button key={name} type="button" className="lesson-button" aria-pressed={name === settings.lesson}
            title={LESSONS[name].title} onClick={() => onChange(withLesson(settings, name))}>
            {LESSON_LABEL[name]}
          </button>
        ))}
      </div>
      <h2 id="lesson-heading" className="lesson-title">{lesson.title}</h2>
      <p className="lesson-text">{lesson.explanation}</p>
      {changed && (
        <p className="lesson-changed">
          You have changed some of this lesson’s settings.{' '}
          <button type="button" className="link-button" onClick={() => onChange(withLesson(settings, settings.lesson))}>
            Restore the lesson
          </button>
        </p>
      )}
    </section>
  );
});

/** What to look at on the screen for the current lesson, for the page to put by the charts. */
export const LookFor = memo(function LookFor({ lesson }: { lesson: LessonName }) {
  return (
    <p className="look-for" data-testid="look-for">
      <strong>What to look for:</strong> {LESSONS[lesson].lookFor}
    </p>
  );
});
