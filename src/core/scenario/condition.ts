import type { Value } from './scenario.ts';

/**
 * The condition language of scenarios: `trust >= 2 and not discounted`,
 * `empathy >= 3 or average >= 2.5`, `stage == "pricing"`. Parsed once at
 * compile time into an expression tree that the engine evaluates.
 */
export type Expr =
  | { kind: 'literal'; value: Value; column: number }
  | { kind: 'name'; name: string; column: number }
  | { kind: 'not'; operand: Expr; column: number }
  | { kind: 'and' | 'or'; left: Expr; right: Expr; column: number }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr; column: number };

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** A parsed condition with its source text and the position of its first character in the file. */
export interface Condition {
  source: string;
  expr: Expr;
  line: number;
  column: number;
}

/** A syntax error at a 1-based column of the condition text. */
export interface ConditionError {
  message: string;
  column: number;
}

type Token =
  | { type: 'name'; value: string; column: number }
  | { type: 'number'; value: number; column: number }
  | { type: 'string'; value: string; column: number }
  | { type: 'op'; value: string; column: number }
  | { type: 'end'; column: number };

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+(?:\.\d+)?)|"([^"]*)"|(==|!=|<=|>=|<|>|\(|\)|&&|\|\||!|=))/y;

function tokenize(text: string): Token[] | ConditionError {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) {
      const column = at + (text.slice(at).length - text.slice(at).trimStart().length) + 1;
      return { message: `unexpected "${text.slice(column - 1, column + 5).trim()}"`, column };
    }
    const column = m.index + m[0].length - m[0].trimStart().length + 1;
    if (m[1] !== undefined) tokens.push({ type: 'name', value: m[1], column });
    else if (m[2] !== undefined) tokens.push({ type: 'number', value: Number(m[2]), column });
    else if (m[3] !== undefined) tokens.push({ type: 'string', value: m[3], column });
    else if (m[4] === '=') return { message: 'use "==" to compare, "=" only sets a variable', column };
    else if (m[4] === '&&' || m[4] === '||' || m[4] === '!') return { message: `write "${m[4] === '&&' ? 'and' : m[4] === '||' ? 'or' : 'not'}" instead of "${m[4]}"`, column };
    else tokens.push({ type: 'op', value: m[4]!, column });
    at = TOKEN.lastIndex;
  }
  tokens.push({ type: 'end', column: text.trimEnd().length + 1 });
  return tokens;
}

/** Parses a condition. Grammar: or := and ("or" and)*; and := not ("and" not)*; not := "not" not | cmp; cmp := atom (op atom)?. */
export function parseCondition(text: string): Expr | ConditionError {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return tokens;
  let i = 0;
  const peek = () => tokens[i]!;
  const isWord = (t: Token, word: string) => t.type === 'name' && t.value === word;
  class Failure {
    constructor(readonly error: ConditionError) {}
  }
  const fail = (message: string, column: number): never => {
    throw new Failure({ message, column });
  };

  const atom = (): Expr => {
    const t = peek();
    if (t.type === 'op' && t.value === '(') {
      i++;
      const inner = or();
      const close = peek();
      if (!(close.type === 'op' && close.value === ')')) fail('missing ")"', close.column);
      i++;
      return inner;
    }
    if (t.type === 'number' || t.type === 'string') {
      i++;
      return { kind: 'literal', value: t.value, column: t.column };
    }
    if (t.type === 'name') {
      if (['and', 'or', 'not'].includes(t.value)) fail(`expected a name or a value before "${t.value}"`, t.column);
      i++;
      if (t.value === 'true' || t.value === 'false') return { kind: 'literal', value: t.value === 'true', column: t.column };
      return { kind: 'name', name: t.value, column: t.column };
    }
    return fail(t.type === 'end' ? 'the condition ends too early' : `unexpected "${t.value}"`, t.column);
  };
  const compare = (): Expr => {
    const left = atom();
    const t = peek();
    if (t.type === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.value)) {
      i++;
      const right = atom();
      return { kind: 'compare', op: t.value as CompareOp, left, right, column: left.column };
    }
    return left;
  };
  const not = (): Expr => {
    const t = peek();
    if (isWord(t, 'not')) {
      i++;
      return { kind: 'not', operand: not(), column: t.column };
    }
    return compare();
  };
  const and = (): Expr => {
    let left = not();
    while (isWord(peek(), 'and')) {
      i++;
      left = { kind: 'and', left, right: not(), column: left.column };
    }
    return left;
  };
  const or = (): Expr => {
    let left = and();
    while (isWord(peek(), 'or')) {
      i++;
      left = { kind: 'or', left, right: and(), column: left.column };
    }
    return left;
  };

  try {
    const expr = or();
    const rest = peek();
    if (rest.type !== 'end') fail(`unexpected "${'value' in rest ? rest.value : ''}" (join conditions with "and" or "or")`, rest.column);
    return expr;
  } catch (e) {
    if (e instanceof Failure) return e.error;
    throw e;
  }
}

export function isConditionError(x: Expr | ConditionError): x is ConditionError {
  return 'message' in x;
}

/** Every name a condition reads, with its column. */
export function namesIn(expr: Expr): { name: string; column: number }[] {
  switch (expr.kind) {
    case 'literal':
      return [];
    case 'name':
      return [{ name: expr.name, column: expr.column }];
    case 'not':
      return namesIn(expr.operand);
    default:
      return [...namesIn(expr.left), ...namesIn(expr.right)];
  }
}

/** Every literal a condition compares against, for checks and for enumerating test values. */
export function literalsIn(expr: Expr): { value: Value; column: number; against?: string }[] {
  switch (expr.kind) {
    case 'literal':
      return [{ value: expr.value, column: expr.column }];
    case 'name':
      return [];
    case 'not':
      return literalsIn(expr.operand);
    case 'compare': {
      const name = expr.left.kind === 'name' ? expr.left.name : expr.right.kind === 'name' ? expr.right.name : undefined;
      return [...literalsIn(expr.left), ...literalsIn(expr.right)].map((l) => ({ ...l, against: name }));
    }
    default:
      return [...literalsIn(expr.left), ...literalsIn(expr.right)];
  }
}

/** Evaluates a condition. Names missing from `scope` are false (the compiler reports them first). */
export function evaluate(expr: Expr, scope: Readonly<Record<string, Value>>): boolean {
  return truthy(valueOf(expr, scope));
}

function valueOf(expr: Expr, scope: Readonly<Record<string, Value>>): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'name':
      return scope[expr.name] ?? false;
    case 'not':
      return !truthy(valueOf(expr.operand, scope));
    case 'and':
      return truthy(valueOf(expr.left, scope)) && truthy(valueOf(expr.right, scope));
    case 'or':
      return truthy(valueOf(expr.left, scope)) || truthy(valueOf(expr.right, scope));
    case 'compare': {
      const a = valueOf(expr.left, scope);
      const b = valueOf(expr.right, scope);
      switch (expr.op) {
        case '==':
          return a === b;
        case '!=':
          return a !== b;
        default:
          if (typeof a !== 'number' || typeof b !== 'number') return false;
          return expr.op === '<' ? a < b : expr.op === '<=' ? a <= b : expr.op === '>' ? a > b : a >= b;
      }
    }
  }
}

function truthy(value: Value): boolean {
  return value === true || (typeof value === 'number' && value !== 0) || (typeof value === 'string' && value !== '');
}
