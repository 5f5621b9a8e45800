import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { lessons } from 'virtual:parley-content';
import { routes } from '../../src/web/router.tsx';

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

describe('the lesson library', () => {
  it('lists every lesson', () => {
    renderAt('/lessons');
    const list = screen.getByRole('list', { name: 'Lessons' });
    expect(within(list).getAllByRole('heading')).toHaveLength(lessons.length);
  });

  it('filters by methodology', async () => {
    renderAt('/lessons');
    await userEvent.selectOptions(screen.getByLabelText('Methodology'), 'SPIN');
    const titles = within(screen.getByRole('list', { name: 'Lessons' })).getAllByRole('heading').map((h) => h.textContent);
    expect(titles).toEqual(lessons.filter((l) => l.methodology === 'spin').map((l) => l.title));
  });

  it('filters by skill', async () => {
    renderAt('/lessons');
    await userEvent.selectOptions(screen.getByLabelText('Skill'), 'Empathy');
    const count = lessons.filter((l) => l.skills.includes('empathy')).length;
    expect(within(screen.getByRole('list', { name: 'Lessons' })).getAllByRole('heading')).toHaveLength(count);
    expect(screen.getByText(`${count} of ${lessons.length} lessons`)).toBeTruthy();
  });

  it('searches titles, and says so when nothing matches', async () => {
    renderAt('/lessons');
    await userEvent.type(screen.getByLabelText('Search titles'), 'challenger');
    expect(screen.getByRole('link', { name: /Challenger/ })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Search titles'), ' zzz');
    expect(screen.getByText('No lesson matches these filters.')).toBeTruthy();
  });

  it('keeps the filter in the address so it can be shared', async () => {
    const router = renderAt('/lessons?methodology=sandler');
    expect((screen.getByLabelText('Methodology') as HTMLSelectElement).value).toBe('sandler');
    await userEvent.selectOptions(screen.getByLabelText('Skill'), 'Discovery');
    expect(router.state.location.search).toContain('skill=discovery');
  });
});

describe('the lesson reader', () => {
  it('opens a lesson from the library and renders its headings', async () => {
    renderAt('/lessons');
    await userEvent.click(screen.getByRole('link', { name: 'SPIN selling' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'SPIN selling' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Worked example' })).toBeTruthy();
  });

  it('turns links to other lessons into app routes', async () => {
    renderAt('/lessons/spin-selling');
    const body = await screen.findByRole('heading', { level: 1, name: 'SPIN selling' });
    const link = within(body.closest('article')!).getAllByRole('link').find((a) => a.getAttribute('href')?.startsWith('/lessons/discovery-questions'));
    expect(link).toBeTruthy();
  });

  it('shows not found for an unknown lesson', async () => {
    renderAt('/lessons/no-such-lesson');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });
});
