import 'fake-indexeddb/auto';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { scenarios } from 'virtual:parley-content';
import type { Evidence } from '../../src/core/scoring/reply-scorer.ts';
import { ReplyBox } from '../../src/web/player/reply-box.tsx';
import { routes } from '../../src/web/router.tsx';
import { EvidenceText } from '../../src/web/scoring/evidence-text.tsx';

const evidence = (start: number, end: number, effect: 'raise' | 'cap', signal: string = effect): Evidence => ({ rubric: 'empathy', start, end, effect, signal });

describe('evidence highlighting', () => {
  it('marks what earned points and what held them down, leaving the rest plain', () => {
    const { container } = render(<EvidenceText text="I understand, but you are wrong." evidence={[evidence(0, 12, 'raise', 'formulaic empathy'), evidence(14, 31, 'cap', 'argument')]} />);
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => [m.className, m.firstChild?.textContent])).toEqual([
      ['evidence-raise', 'I understand'],
      ['evidence-cap', 'but you are wrong'],
    ]);
    // The whole reply is still there, in order.
    expect(container.querySelector('blockquote')!.textContent).toMatch(/^I understand \(earned: formulaic empathy\), but you are wrong \(held down: argument\)\.$/);
  });

  it('where a cap overlaps a raise, the overlap shows as the cap', () => {
    const { container } = render(<EvidenceText text="abcdef" evidence={[evidence(0, 4, 'raise'), evidence(2, 6, 'cap')]} />);
    expect([...container.querySelectorAll('mark')].map((m) => [m.className, m.firstChild?.textContent])).toEqual([
      ['evidence-raise', 'ab'],
      ['evidence-cap', 'cd'],
      ['evidence-cap', 'ef'],
    ]);
  });
});

describe('the reply box', () => {
  it('sends with Ctrl+Enter, counts characters, and clears once the reply is taken', async () => {
    const onSubmit = vi.fn(async () => true);
    render(<ReplyBox prompt="Answer Priya" busy={undefined} onSubmit={onSubmit} />);
    const box = screen.getByLabelText('Answer Priya');
    await userEvent.type(box, 'Tell me more{Shift>}{Enter}{/Shift}please');
    expect(screen.getByText('19 characters')).toBeTruthy();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenCalledWith('Tell me more\nplease');
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps the text when the reply could not be sent', async () => {
    render(<ReplyBox prompt="Answer" busy={undefined} onSubmit={async () => false} />);
    await userEvent.type(screen.getByLabelText('Answer'), 'My careful reply');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect((screen.getByLabelText('Answer') as HTMLTextAreaElement).value).toBe('My careful reply');
  });

  it('will not send an empty reply', async () => {
    const onSubmit = vi.fn(async () => true);
    render(<ReplyBox prompt="Answer" busy={undefined} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Answer'), '   {Control>}{Enter}{/Control}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send reply' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('the practice catalogue', () => {
  function renderAt(path: string) {
    render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />);
  }

  it('lists every scenario with its buyer, difficulty and length', () => {
    renderAt('/practice');
    const cards = within(screen.getByRole('list', { name: 'Scenarios' })).getAllByRole('heading');
    expect(cards.map((c) => c.textContent)).toEqual(scenarios.map((s) => s.title));
    const first = scenarios[0]!;
    expect(screen.getAllByText(new RegExp(`${first.persona.name}, ${first.persona.role}`)).length).toBeGreaterThan(0);
  });

  it('filters by objection type, methodology and skill, and keeps the filter in the URL', async () => {
    renderAt('/practice?objection=price');
    const price = scenarios.filter((s) => s.objection === 'price');
    expect(within(screen.getByRole('list', { name: 'Scenarios' })).getAllByRole('heading')).toHaveLength(price.length);
    await userEvent.selectOptions(screen.getByLabelText('Objection'), '');
    await userEvent.selectOptions(screen.getByLabelText('Methodology'), 'SPIN');
    await userEvent.selectOptions(screen.getByLabelText('Skill'), 'Discovery');
    const expected = scenarios.filter((s) => s.methodology === 'spin' && s.skills.includes('discovery'));
    expect(screen.getByText(`${expected.length} of ${scenarios.length} scenarios`)).toBeTruthy();
  });
});

describe('saved progress', () => {
  it('every saved turn and finished run is in IndexedDB, and survives a fresh load', async () => {
    const { useProgress } = await import('../../src/web/progress/progress-store.ts');
    const { readProgress } = await import('../../src/web/progress/progress-db.ts');
    const { start } = await import('../../src/core/engine/engine.ts');
    const { scenarioData } = await import('virtual:parley-content');
    const scenario = (await scenarioData['price-premium']!()).default!;
    const state = start(scenario, { seed: 7, scorer: { version: 'test' } });

    await useProgress.getState().load();
    await useProgress.getState().saveActive({ id: scenario.id, title: scenario.title }, state);
    expect((await readProgress()).active.map((a) => a.state)).toEqual([state]);

    await useProgress.getState().finish({ id: 'r1', scenarioId: scenario.id, scenarioTitle: scenario.title, finishedAt: '2026-03-01T10:00:00.000Z', day: '2026-03-01', outcome: 'won', kind: 'won', score: 80, levels: {}, state });
    const stored = await readProgress();
    expect(stored.runs.map((r) => r.id)).toEqual(['r1']);
    expect(stored.active).toEqual([]); // finishing drops the in-progress copy

    useProgress.setState({ runs: [], active: [] });
    await useProgress.getState().load();
    expect(useProgress.getState().runs.map((r) => r.id)).toEqual(['r1']);
  });
});
