import { useState, type FormEvent } from 'react';
import { data, Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { practiceQuizData } from 'virtual:parley-content';
import { gradePaper, type Answer, type QuizGrade } from '../../core/quiz/grade.ts';
import { assemblePaper, type Paper } from '../../core/quiz/paper.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import { RULES_SCORER_VERSION } from '../../core/scoring/scorer-version.ts';
import type { QuestionResult } from '../api/api-types.ts';
import { paths } from '../paths.ts';
import { noScorer } from '../../core/scoring/reply-scorer.ts';
import { loadScorer } from '../scoring/load-scorer.ts';
import { Countdown } from './countdown.tsx';
import { MarkdownBlock } from './markdown-block.tsx';
import { PaperForm } from './paper-form.tsx';
import { isAnswered } from './question-field.tsx';
import { QuizResults } from './quiz-results.tsx';

/** Loads a quiz's practice pools (its own chunk); a quiz without practice is a 404. */
export async function practiceQuizLoader({ params }: LoaderFunctionArgs): Promise<Quiz> {
  const load = practiceQuizData[params.quizId ?? ''];
  const quiz = load ? (await load()).default : undefined;
  if (!quiz) throw data('Quiz not found', { status: 404 });
  return quiz;
}

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

function PracticeBanner() {
  return (
    <p className="practice-banner">
      <strong>Practice, not a certification.</strong> These questions come from the quiz's practice section and are graded here in your browser; nothing is
      sent to a server or counted toward a certificate.
    </p>
  );
}

/**
 * `/quizzes/:quizId/practice`: a practice paper drawn and graded in the
 * browser by the core (`assemblePaper`, `gradePaper` and the rubric scorer),
 * with or without a team server. Only the practice pools are in the bundle.
 */
export function PracticeQuizPage() {
  const quiz = useLoaderData<Quiz>();
  const [paper, setPaper] = useState<Paper>(() => assemblePaper(quiz, 'practice', randomSeed()));
  // The certification's time limit, as a clock to practise against; nothing happens at zero but a note.
  const [deadline, setDeadline] = useState(() => new Date(Date.now() + quiz.timeLimitMinutes * 60_000).toISOString());
  const [overTime, setOverTime] = useState(false);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [grade, setGrade] = useState<QuizGrade>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const answer = (questionId: string, next: Answer | null) =>
    setAnswers((current) => {
      const copy = { ...current };
      if (next) copy[questionId] = next;
      else delete copy[questionId];
      return copy;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    const needsScorer = paper.questions.some((q) => q.type === 'reply' && isAnswered(answers[q.id]));
    const scorer = await (needsScorer ? loadScorer() : Promise.resolve(noScorer(RULES_SCORER_VERSION))).catch(() => undefined);
    setBusy(false);
    if (!scorer) {
      setError('The scorer for written replies could not be loaded. Check your connection and try again; your answers are still here.');
      return;
    }
    setGrade(gradePaper(quiz, paper, answers, scorer));
    window.scrollTo?.({ top: 0 });
  };

  const again = () => {
    setPaper(assemblePaper(quiz, 'practice', randomSeed()));
    setAnswers({});
    setGrade(undefined);
    setDeadline(new Date(Date.now() + quiz.timeLimitMinutes * 60_000).toISOString());
    setOverTime(false);
  };

  const unanswered = paper.questions.filter((q) => !isAnswered(answers[q.id])).length;
  return (
    <article className="page narrow practice-quiz">
      <p className="breadcrumb">
        <Link to={paths.quizzes.to()}>Quizzes</Link>
      </p>
      <h1>{quiz.title}: practice</h1>
      <PracticeBanner />
      {grade ? (
        <>
          <QuizResults paper={paper} result={{ ...grade, questions: grade.questions as QuestionResult[] }} heading="Practice result">
            <p className="meta">Practice, not a certification: this result stays in this page.</p>
          </QuizResults>
          <p>
            <button type="button" onClick={again}>
              Practise again with new questions
            </button>{' '}
            <Link to={paths.quiz.to(quiz.id)}>About the certification</Link>
          </p>
        </>
      ) : (
        <>
          <div className="attempt-bar" role="region" aria-label="Practice clock">
            <Countdown deadline={deadline} offsetMs={0} onExpire={() => setOverTime(true)} />
            <span className="meta">The certification allows {quiz.timeLimitMinutes} minutes; here the clock only keeps you honest.</span>
          </div>
          {overTime && (
            <p className="notice" role="status">
              Time is up. In the certification, {quiz.onTimeout === 'submit' ? 'your saved answers would be submitted now' : 'a late submission would be refused'}; here you can finish.
            </p>
          )}
          <MarkdownBlock markdown={quiz.introMarkdown} />
          <PaperForm paper={paper} answers={answers} disabled={busy} onAnswer={answer} onSubmit={(e) => void submit(e)}>
            {error && (
              <p className="notice" role="alert">
                {error}
              </p>
            )}
            <p>
              <button type="submit" disabled={busy}>
                {busy ? 'Checking…' : 'Check my answers'}
              </button>{' '}
              <span className="meta">{unanswered === 0 ? 'All answered.' : `${unanswered} not answered yet.`}</span>
            </p>
          </PaperForm>
        </>
      )}
    </article>
  );
}
