import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { compileContent, type ContentSet, type SourceFile } from '../core/content/content-set.ts';
import type { Rubric } from '../core/content/rubric.ts';

/** The folders, relative to the project root, that hold Parley content. */
export const CONTENT_ROOTS = ['content', 'scenarios'] as const;

/** A path as Parley reports it: relative to `root`, with forward slashes. */
export function displayPath(path: string, root: string): string {
  const rel = relative(root, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/**
 * Reads every `.md` file under the given files or folders (recursively, in a
 * stable order). A path that does not exist or cannot be read is returned in
 * `missing` rather than thrown.
 */
export async function readContentFiles(paths: readonly string[], root: string): Promise<{ files: SourceFile[]; missing: string[] }> {
  const files: SourceFile[] = [];
  const missing: string[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      missing.push(displayPath(path, root));
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !name.startsWith('.') && name !== 'node_modules').sort();
      for (const name of entries) await visit(join(path, name), false);
    } else if (explicit || (path.endsWith('.md') && !/(^|[/\\])README\.md$/.test(path))) {
      try {
        files.push({ path: displayPath(path, root), text: await readFile(path, 'utf8') });
      } catch {
        missing.push(displayPath(path, root));
      }
    }
  };
  for (const path of paths) await visit(resolve(root, path), true);
  return { files, missing };
}

/** Reads the project's own content (content/ and scenarios/ under root). */
export async function readProjectContent(root: string): Promise<SourceFile[]> {
  const { files } = await readContentFiles(
    CONTENT_ROOTS.map((dir) => join(root, dir)),
    root,
  );
  return files;
}

/** The project's compiled rubric files (content/rubrics), whose coaching the scorer's feedback uses. */
export async function readProjectRubrics(root: string): Promise<Rubric[]> {
  const { files } = await readContentFiles([join(root, 'content', 'rubrics')], root);
  return compileContent(files).rubrics;
}

/** The project's whole library compiled: lessons, rubrics and playable scenarios (with any diagnostics). */
export async function readProjectLibrary(root: string): Promise<ContentSet> {
  return compileContent(await readProjectContent(root));
}
