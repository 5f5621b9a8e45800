import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { PrintedLines, type Printed } from './printed-lines.tsx';
import { useEffect, useRef, useState } from 'react';
import type { Rubric } from '../../core/content/rubric.ts';
import { gradePaper, validateAnswers, type Answer } from '../../core/quiz/grade.ts';
import type { Paper } from '../../core/quiz/paper.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import { noScorer, type ReplyScorer } from '../../core/scoring/reply-scorer.ts';
import { RULES_SCORER_VERSION } from '../../core/scoring/scorer-version.ts';
import { formatQuizGrade } from '../quiz-report.ts';
import { useColor } from './color-context.ts';
import { Countdown } from './countdown.tsx';
import { KeyHints } from './key-hints.tsx';
import { QuestionView } from './question-view.tsx';
import { SelectList } from './select-list.tsx';

export interface QuizAppProps {
  quiz: Quiz;
  /** Draws a practice paper; called again for "another paper". */
  drawPaper(): Paper;
  rubrics: readonly Rubric[];
  /** The rubric scorer, for written replies; loaded only when a paper has one to grade. */
  loadScorer(): Promise<ReplyScorer>;
  /** Markdown laid out for the terminal at a width. */
  renderMarkdown(markdown: string, width: number): string;
  /** Milliseconds since the epoch (a fake clock in tests). */
  now?(): number;
  /** How often the countdown redraws. */
  tickMs?: number;
  onExit(message?: string): void;
}

type Phase = { kind: 'intro' } | { kind: 'question'; index: number } | { kind: 'review' } | { kind: 'grading' } | { kind: 'result' };

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `parley quiz`: a practice paper one question at a time against a visible
 * countdown, a review before submitting, and the graded result (the core
 * grades it; nothing here decides a mark). At the time limit what is
 * answered is submitted.
 */
export function QuizApp({ quiz, drawPaper, rubrics, loadScorer, renderMarkdown, now = Date.now, tickMs = 1000, onExit }: QuizAppProps) {
  const color = useColor();
  const { exit } = useApp();
  const { stdout } = useStdout();
  const width = Math.min((stdout.columns || 80) - 1, 100);
  const [paper, setPaper] = useState(drawPaper);
  const [phase, setPhase] = useState<Phase>({ kind: 'intro' });
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [startedAt, setStartedAt] = useState<number>();
  const [clock, setClock] = useState(now);
  const [printed, setPrinted] = useState<Printed[]>([]);
  const [problem, setProblem] = useState<string>();
  const attempt = useRef(0);

  const limitMs = quiz.timeLimitMinutes * 60_000;
  const leftMs = startedAt === undefined ? limitMs : startedAt + limitMs - clock;
  const answering = phase.kind === 'question' || phase.kind === 'review';

  useEffect(() => {
    if (!answering) return;
    const timer = setInterval(() => setClock(now()), tickMs);
    return () => clearInterval(timer);
  }, [answering, now, tickMs]);

  const quit = (message?: string) => {
    onExit(message);
    exit();
  };

  const submit = async (note?: string) => {
    setPhase({ kind: 'grading' });
    const problems = validateAnswers(paper, answers);
    if (problems.length) {
      setProblem(problems.map((p) => p.reason).join('; '));
      return setPhase({ kind: 'review' });
    }
    let scorer: ReplyScorer = noScorer(RULES_SCORER_VERSION);
    if (Object.values(answers).some((a) => 'reply' in a)) {
      try {
        scorer = await loadScorer();
      } catch (error) {
        setProblem(`The scorer could not be loaded to grade your written reply (${describe(error)}). Try submitting again.`);
        return setPhase({ kind: 'review' });
      }
    }
    const grade = gradePaper(quiz, paper, answers, scorer);
    setPrinted((p) => [...p, { key: `result-${attempt.current}`, lines: formatQuizGrade(quiz, paper, grade, rubrics, color, note) }]);
    setPhase({ kind: 'result' });
  };

  // At the limit, what is answered is submitted.
  useEffect(() => {
    if (!answering || startedAt === undefined || leftMs > 0) return;
    void submit(
      quiz.onTimeout === 'reject'
        ? 'Time is up. A certification attempt of this quiz refuses answers sent after the limit; this practice paper was graded on what you had answered.'
        : 'Time is up: what you had answered was submitted.',
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fires once when the clock passes the limit
  }, [answering, startedAt, leftMs <= 0]);

  const begin = () => {
    setStartedAt(now());
    setClock(now());
    setPhase({ kind: 'question', index: 0 });
  };

  const answer = (index: number, given: Answer) => {
    setProblem(undefined);
    setAnswers((a) => ({ ...a, [paper.questions[index]!.id]: given }));
    setPhase(index + 1 < paper.questions.length ? { kind: 'question', index: index + 1 } : { kind: 'review' });
  };

  useInput((input, key) => {
    if (phase.kind === 'intro') {
      if (key.return) begin();
      else if (key.escape || input === 'q') quit();
    } else if (phase.kind === 'question' && key.escape) setPhase({ kind: 'review' });
  });

  const answeredCount = paper.questions.filter((q) => answers[q.id] !== undefined).length;
  const header = (label: string) => (
    <Box justifyContent="space-between" width={width}>
      <Text>{color.dim(`${quiz.title} · ${label}`)}</Text>
      <Countdown leftMs={leftMs} />
    </Box>
  );

  return (
    <Box flexDirection="column">
      <PrintedLines items={printed} width={width} />
      {phase.kind === 'intro' && (
        <Box flexDirection="column">
          <Text>{color.bold(quiz.title)} {color.dim('(practice)')}</Text>
          {quiz.introMarkdown.trim() && <Text>{renderMarkdown(quiz.introMarkdown, width)}</Text>}
          <Text>
            {paper.questions.length} question{paper.questions.length === 1 ? '' : 's'} · {paper.available} point{paper.available === 1 ? '' : 's'} · {quiz.timeLimitMinutes} min · pass mark {quiz.passMark}%
          </Text>
          <KeyHints hints={['Enter to start the clock', 'q or Esc to quit']} />
        </Box>
      )}
      {phase.kind === 'question' && (
        <Box flexDirection="column">
          {header(`question ${phase.index + 1} of ${paper.questions.length} · ${paper.questions[phase.index]!.points} point${paper.questions[phase.index]!.points === 1 ? '' : 's'}`)}
          <QuestionView
            key={`${attempt.current}-${phase.index}`}
            question={paper.questions[phase.index]!}
            prompt={renderMarkdown(paper.questions[phase.index]!.promptMarkdown, width)}
            answer={answers[paper.questions[phase.index]!.id]}
            onAnswer={(given) => answer(phase.index, given)}
          />
        </Box>
      )}
      {phase.kind === 'review' && (
        <Box flexDirection="column">
          {header(`review: ${answeredCount} of ${paper.questions.length} answered`)}
          <SelectList
            items={[
              ...paper.questions.map((q, i) => ({ value: `q${i}`, label: q.title, note: answers[q.id] ? '· answered' : '· not answered' })),
              { value: 'submit', label: 'Submit answers' },
              { value: 'quit', label: 'Quit without submitting' },
            ]}
            initialValue="submit"
            onSelect={(value) => {
              if (value === 'submit') return void submit();
              if (value === 'quit') return quit();
              setPhase({ kind: 'question', index: Number(value.slice(1)) });
            }}
          />
          <KeyHints hints={['pick a question to change its answer', 'or submit']} />
        </Box>
      )}
      {phase.kind === 'grading' && <Text>{color.dim('Grading…')}</Text>}
      {phase.kind === 'result' && (
        <Box flexDirection="column" marginTop={1}>
          <SelectList
            items={[
              { value: 'again', label: 'Practise another paper' },
              { value: 'quit', label: 'Quit' },
            ]}
            onSelect={(value) => {
              if (value === 'quit') return quit();
              attempt.current++;
              setPaper(drawPaper());
              setAnswers({});
              setStartedAt(undefined);
              setPhase({ kind: 'intro' });
            }}
          />
        </Box>
      )}
      {problem && <Text>{color.yellow(problem)}</Text>}
    </Box>
  );
}
