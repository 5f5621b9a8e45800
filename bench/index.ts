import { benchCli } from './cli.ts';
import { benchEngine } from './engine.ts';
import { benchQuiz } from './quiz.ts';
import { benchScoring } from './scoring.ts';
import { benchServerLoad } from './server-load.ts';
import { benchStudio } from './studio.ts';
import { benchWeb } from './web.ts';

// Each benchmark prints its figures and whether it met its target.
// The CLI start-up runs first, before the other benchmarks warm or load the machine.
// The studio benchmark reuses the production build the web benchmark made.
const results = [await benchCli(), await benchEngine(), await benchQuiz(), await benchScoring(), await benchWeb(), await benchStudio({ build: false }), await benchServerLoad()];
const missed = results.filter((r) => !r.ok).length;
console.log(`\n${missed === 0 ? 'All targets met.' : `${missed} benchmark(s) missed a target.`}`);
