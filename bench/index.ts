import { benchEngine } from './engine.ts';
import { benchScoring } from './scoring.ts';
import { benchWeb } from './web.ts';

// Each benchmark prints its figures and whether it met its target.
const results = [await benchEngine(), await benchScoring(), await benchWeb()];
const missed = results.filter((r) => !r.ok).length;
console.log(`\n${missed === 0 ? 'All targets met.' : `${missed} benchmark(s) missed a target.`}`);
