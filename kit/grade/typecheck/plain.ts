/**
 * Type errors in plain words for someone who knows Python: `len(yTrue)` → "TypeScript has no
 * len(): use yTrue.length", `yHat - y` on arrays → "arithmetic on arrays is not element-wise…".
 * Every sentence is in the catalogues' `typeErrors` (kit/grade/i18n); an error with no
 * plainer sentence keeps TypeScript's own message. TypeScript's code stays at the end, to search for.
 */
import type { RawTypeError } from './worker';
import { messages, type Lang } from '../i18n/catalogue';
import { fill } from '../../shared/fill';

/** Every sentence a student may read here. `{…}` are filled in from the student's code. */
/** The English sentences (each language's are its catalogue's `typeErrors`). `{…}` are filled in from the student's code. */
export const TEXT = messages('en').typeErrors;

const PYTHON_CONSTANTS: Record<string, string> = { True: 'true', False: 'false', None: 'null (or undefined)' };
const MATH = new Set(['abs', 'exp', 'log', 'sqrt', 'max', 'min', 'pow', 'floor', 'ceil', 'round', 'tanh']);
const NUMPY = new Set(['np', 'numpy', 'torch']);

/** The name a "Cannot find name 'x'" (or "Property 'x' does not exist") message names. */
function quotedName(message: string): string | undefined {
  return /'([^']{1,80})'/.exec(message)?.[1];
}

/** The operator next to an operand on its line: what follows it, or what precedes it. */
function operatorNear(e: RawTypeError): string | undefined {
  const start = e.column - 1;
  const after = /^\s*(\*\*|[-+*/%])/.exec(e.lineText.slice(start + e.text.length))?.[1];
  const before = /(\*\*|[-+*/%])\s*$/.exec(e.lineText.slice(0, start))?.[1];
  return after ?? before;
}

/** The plain sentence for one error (without place and code). */
export function plainMessage(e: RawTypeError, lang?: Lang): string {
  const TEXT = messages(lang).typeErrors;
  const name = quotedName(e.message) ?? '';
  switch (e.code) {
    case 2304: // Cannot find name 'x'.
    case 2552: // Cannot find name 'x'. Did you mean 'y'?
    case 2580: // Cannot find name 'require'…
      if (name === 'len') {
        const arg = new RegExp(`\\blen\\(\\s*([^()]{1,60}?)\\s*\\)`).exec(e.lineText)?.[1] ?? 'a';
        return fill(TEXT.len, { arg });
      }
      if (name === 'range') return TEXT.range;
      if (NUMPY.has(name)) return fill(TEXT.numpy, { name });
      if (name === 'sum') return TEXT.sum;
      if (name === 'print') return TEXT.print;
      if (MATH.has(name)) return fill(TEXT.math, { name });
      if (name === 'zip' || name === 'enumerate') return fill(TEXT.zipEnumerate, { name });
      if (PYTHON_CONSTANTS[name] !== undefined) return fill(TEXT.constants, { name, ts: PYTHON_CONSTANTS[name] });
      return e.code === 2552 ? e.message : fill(TEXT.notDefined, { name });
    case 2362: // The left-hand side of an arithmetic operation must be…
    case 2363: {
      const operator = operatorNear(e) ?? '-';
      return fill(operator === '**' ? TEXT.arrayPower : TEXT.arrayArithmetic, { operand: e.text.slice(0, 60), operator });
    }
    case 2365: // Operator '+' cannot be applied to types 'number[]' and 'number[]'.
      return /'\+'/.test(e.message) && /\[\]/.test(e.message) ? TEXT.arrayPlus : e.message;
    case 2339: // Property 'x' does not exist on type 'y'.
      if ((name === 'shape' || name === 'size') && /\[\]/.test(e.message)) return fill(TEXT.shape, { name });
      if (name === 'append') return TEXT.append;
      return e.message;
    case 2355:
    case 2366:
      return TEXT.mustReturn;
    case 2588:
      return fill(TEXT.constAssign, { name });
    case 7006:
    case 7031:
      return fill(TEXT.implicitAny, { name });
    default:
      return e.message;
  }
}

/** One feedback line: `mse.ts:18:10  TypeScript has no len(): use yTrue.length (TS2304)`. */
export function typeErrorLine(e: RawTypeError, lang?: Lang): string {
  return `${e.file}:${e.line}:${e.column}  ${plainMessage(e, lang)} (TS${e.code})`;
}
