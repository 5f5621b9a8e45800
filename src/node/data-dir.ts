import envPaths from 'env-paths';

/**
 * Where Parley keeps a learner's data on this machine: `PARLEY_DATA_DIR` when
 * set (tests, portable installs), otherwise the platform's data folder:
 * `$XDG_DATA_HOME/parley` or `~/.local/share/parley` on Linux,
 * `~/Library/Application Support/parley` on macOS, `%LOCALAPPDATA%\parley\Data`
 * on Windows. The only importer of env-paths.
 */
export function parleyDataDir(): string {
  const override = process.env.PARLEY_DATA_DIR?.trim();
  if (override) return override;
  return envPaths('parley', { suffix: '' }).data;
}
