import { slug } from 'github-slugger';
import { diagnostic, type Diagnostic, type DiagnosticCode, type SourcePosition } from '../content/diagnostic.ts';
import { compileQuestion, type ParsedQuestion } from './compile-question.ts';
import { QuestionReader, isBlank, markdownOf, type SourceLine } from './question-reader.ts';

/** A `##` section (a pool) as read. */
export interface ParsedSection {
  id: string;
  title: string;
  at: SourcePosition;
  introMarkdown: string;
  questions: ParsedQuestion[];
}

/** The body of a quiz file as read: the intro and the sections with their questions. */
export interface ParsedQuizBody {
  /** Prose before the first section, without the `# Title` line. */
  introMarkdown: string;
  sections: ParsedSection[];
  diagnostics: Diagnostic[];
}

const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Reads a quiz body line by line: the `# Title`, the intro, `##` pools and
 * `###` questions, each with its position. marked keeps no source positions
 * (markedjs/marked#2134), so structure is read here and only the prose is
 * left for marked to render. Lines inside fenced code blocks are prose.
 * Never throws.
 */
export function parseQuizBody(body: string, bodyLine: number, file: string): ParsedQuizBody {
  const diagnostics: Diagnostic[] = [];
  const report = (at: SourcePosition, code: DiagnosticCode, message: string, hint: string) => diagnostics.push(diagnostic(file, at, code, message, hint));
  const intro: string[] = [];
  const sections: ParsedSection[] = [];
  let sectionIntro: string[] = [];
  let section: ParsedSection | null = null;
  let question: QuestionReader | null = null;
  // Lines under a heading that was already reported are skipped: one slip, one diagnostic.
  let skipping = false;
  let titleSeen = false;
  // Questions under a "##" heading that makes no id belong to no pool, but are not reported again.
  let brokenSection = false;
  let fence: string | null = null;

  const closeQuestion = () => {
    if (question && section) section.questions.push(compileQuestion(question.draft(), file, diagnostics));
    question = null;
  };
  const closeSection = () => {
    closeQuestion();
    if (section) section.introMarkdown = markdownOf(sectionIntro);
    sectionIntro = [];
    section = null;
  };
  const take = (line: SourceLine, fenced: boolean) => {
    if (skipping) return;
    if (question) question.read(line, fenced);
    else if (section) sectionIntro.push(line.text);
    else intro.push(line.text);
  };

  body.split(/\r?\n/).forEach((text, i) => {
    const line = bodyLine + i;
    const mark = FENCE.exec(text)?.[1];
    if (fence) {
      // A fence closes with at least as many of the same marks and nothing after them.
      if (mark && mark[0] === fence[0] && mark.length >= fence.length && isBlank(text.slice(text.indexOf(mark) + mark.length))) fence = null;
      take({ text, line }, true);
      return;
    }
    if (mark) {
      fence = mark;
      take({ text, line }, true);
      return;
    }
    const heading = HEADING.exec(text);
    // "####" and smaller are prose inside a prompt or an intro.
    if (!heading || heading[1]!.length > 3) {
      take({ text, line }, false);
      return;
    }
    const depth = heading[1]!.length;
    const title = heading[2]!.replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+$/, '').trim();
    const at = { line, column: text.indexOf('#') + 1 };
    if (depth === 1 && !titleSeen && !section && !skipping) {
      titleSeen = true;
      return;
    }
    closeQuestion();
    skipping = true;
    if (depth === 1) {
      report(at, 'PARLEY079', 'a "#" heading inside the quiz', 'the quiz has one "# Title" before its first pool; pools are "##" headings and questions "###"');
      return;
    }
    const id = slug(title);
    if (depth === 2) closeSection();
    if (!id) {
      report(at, 'PARLEY079', `the heading "${text.trim()}" has no letters or digits to make an id from`, 'give the heading a title in words');
      if (depth === 2) brokenSection = true;
      return;
    }
    if (depth === 2) {
      skipping = false;
      brokenSection = false;
      section = { id, title, at, introMarkdown: '', questions: [] };
      sections.push(section);
      return;
    }
    if (!section) {
      if (!brokenSection) report(at, 'PARLEY085', `the question "${title}" is not in any pool`, 'put questions under a "## Pool" heading that is listed in the front matter\'s pools');
      return;
    }
    skipping = false;
    question = new QuestionReader({ id, title, at }, file, diagnostics);
  });
  closeSection();
  return { introMarkdown: markdownOf(intro), sections, diagnostics };
}
