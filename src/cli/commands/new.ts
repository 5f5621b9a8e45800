import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scenarioIdOf, scenarioTemplate } from '../../core/scenario/scenario-template.ts';
import type { Terminal } from '../terminal.ts';

export const NEW_HELP = `Usage: parley new scenario "Title" [--dir scenarios] [--force]

Writes a starter scenario, scenarios/<id>.md, named after the title: a short,
complete conversation (choices, a scored typed reply with examples, a won
and a lost ending) that passes "parley lint" and "parley test", ready to be
rewritten. Open it in the studio (/studio) or any editor.

Options:
  --dir DIR   folder to write into (default: scenarios)
  --force     overwrite a file that already exists
  -h, --help  show this help

Exit codes: 0 written, 1 the file exists (use --force), 2 bad usage.`;

/** `parley new scenario "Title"`. Returns the exit code. */
export async function newFile(args: string[], terminal: Terminal, root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string', default: 'scenarios' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    terminal.out(NEW_HELP);
    return 0;
  }
  const [kind, ...titleWords] = positionals;
  if (kind !== 'scenario') {
    terminal.err(`parley new: ${kind === undefined ? 'say what to create' : `cannot create "${kind}"`}; use: parley new scenario "Title"`);
    return 2;
  }
  const title = titleWords.join(' ').trim();
  if (!title) {
    terminal.err('parley new scenario: give the scenario a title, e.g. parley new scenario "Too expensive for us"');
    return 2;
  }
  const dir = resolve(root, values.dir);
  const file = join(dir, `${scenarioIdOf(title)}.md`);
  const shown = `${values.dir}/${scenarioIdOf(title)}.md`;
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists && !values.force) {
    terminal.err(`parley new scenario: ${shown} already exists; pick another title or add --force to overwrite it`);
    return 1;
  }
  await mkdir(dir, { recursive: true });
  await writeFile(file, scenarioTemplate(title));
  terminal.out(`Wrote ${shown}. Check it with: npx parley lint ${shown} && npx parley test ${shown}`);
  return 0;
}
