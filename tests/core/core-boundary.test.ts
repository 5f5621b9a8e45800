import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = new URL('../../src/core', import.meta.url).pathname;
const FORBIDDEN = /from\s+['"](react|react-dom|react-router|ink|zustand|dompurify|hono|node:[^'"]+|fs|path|os)(\/[^'"]*)?['"]/;
const OUTWARD = /from\s+['"](\.\.\/)+(web|cli|server|node|build)\//;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the core', () => {
  it('imports no UI framework, DOM library or Node module', () => {
    const offenders = sourceFiles(CORE).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('never imports a face or an adapter', () => {
    const offenders = sourceFiles(CORE).filter((file) => OUTWARD.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
