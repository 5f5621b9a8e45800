import { LABELS, type Skill } from '../../core/content/vocabulary.ts';

/** Skill levels as a short line: "Empathy 2.8 · Value framing 3"; a dash for none. */
export function levelsText(levels: Partial<Record<Skill, number>>): string {
  const entries = Object.entries(levels) as [Skill, number][];
  return entries.length ? entries.map(([skill, level]) => `${LABELS[skill]} ${Math.round(level * 10) / 10}`).join(' · ') : '–';
}
