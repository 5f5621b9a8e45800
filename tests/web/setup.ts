import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Globals are off, so testing-library cannot register its own cleanup.
afterEach(cleanup);
// Tests that fake the team API stub fetch; each test starts with none.
afterEach(() => vi.unstubAllGlobals());
