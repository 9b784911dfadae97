/**
 * The partial-derivatives exercise's own sentences in every language: the check names, the hints,
 * and what derivative.ts says about an answer it refuses or finds wrong. grader.ts takes the
 * student's; hidden/messages.ts adds the hidden grader's. `ko` must have every key of `en`
 * (ExerciseMessages checks it). None of them gives a derivative away.
 */
import type { ExerciseMessages } from '../../kit/grade/api';

/** The Himmelblau hint: the chain rule on each of its two squares. */
const squares = (wrt: string): string =>
  `apply the chain rule to each square: ∂/∂${wrt} u² = 2u · ∂u/∂${wrt}, with u = x² + y − 11 and then u = x + y² − 7 (both depend on ${wrt})`;

const en = {
  /** The check's name and the hint shown when the answer is wrong in no recognised way. */
  partials: {
    himmelblauX: { name: "∂f/∂x of Himmelblau's function", hint: squares('x') },
    himmelblauY: { name: "∂f/∂y of Himmelblau's function", hint: squares('y') },
    networkX: {
      name: '∂L/∂x of the network loss (xy − 1)²',
      hint: 'apply the chain rule: ∂/∂x (xy − 1)² = 2(xy − 1) · ∂(xy − 1)/∂x, where y is a constant',
    },
    networkY: {
      name: '∂L/∂y of the network loss (xy − 1)²',
      hint: 'apply the chain rule: ∂/∂y (xy − 1)² = 2(xy − 1) · ∂(xy − 1)/∂y, where x is a constant',
    },
  },
  /** What the exercise function must return. */
  expectedGradient: "an object { x: '∂/∂x …', y: '∂/∂y …' } of two strings",
  /** Which derivative, after the call on the input line. */
  what: (symbol: string, wrt: string, shown: string) => `∂${symbol}/∂${wrt} of ${symbol}(x, y) = ${shown}`,
  /** Why an answer is not read (parseAnswer). */
  parse: {
    empty: 'the expression is empty',
    emptyHint: "write the derivative as text, e.g. '2*x*y'",
    tooLong: (length: number, max: number) => `the expression has ${length} characters; at most ${max} are read`,
    tooLongHint: 'a derivative of this loss fits in one short line: factor it',
    notAscii: 'the expression contains a character other than ASCII letters, digits, operators and spaces',
    notAsciiHint: 'write x^2 for x², - for −, * for · and no line breaks',
    unparsable: (why: string) => `mathjs cannot parse it (${why})`,
    unparsableHint: 'check the brackets and write products with *, e.g. 2*x*(x*y - 1)',
    allowedHint: (variables: readonly string[], functions: readonly string[]) =>
      `use numbers, ${variables.join(' and ')}, + - * / ^, parentheses and ${functions.join(', ')}`,
    tooManyParts: (max: number) => `the expression has more than ${max} parts`,
    notFinite: (text: string) => `${text} is not a finite number`,
    symbol: (name: string, variables: readonly string[]) => `it uses the symbol ${name}; only ${variables.join(' and ')} are variables here`,
    operator: (op: string) => `it uses the operator ${op}, which a derivative here does not need`,
    call: (callee: string) => `it calls ${callee}, which is not allowed (derive it by hand)`,
    node: (what: string) => `it contains ${what}, which is not allowed in an answer`,
    /** mathjs node types, as `node` names them. */
    nodes: {
      AssignmentNode: 'an assignment (=)',
      FunctionAssignmentNode: 'a function definition',
      BlockNode: 'several statements (; or a line break)',
      ArrayNode: 'a matrix or list [ … ]',
      ObjectNode: 'an object { … }',
      AccessorNode: 'a property access',
      IndexNode: 'an index [ … ]',
      ConditionalNode: 'a condition ( ? : )',
      RangeNode: 'a range (:)',
      RelationalNode: 'a comparison',
      other: (type: string) => `a ${type}`,
    },
  },
  /** Why a readable answer is wrong (checkPartial); `at` is "(x, y) = (1, 2)". */
  check: {
    notEvaluable: (at: string, why: string) => `it cannot be evaluated at ${at} (${why})`,
    notReal: (at: string, value: string) => `at ${at} it is ${value}, not a finite real number`,
    polynomialHint: 'the derivative of this loss is a polynomial: no division, log or sqrt is needed',
    differs: (at: string, mine: string, derivative: string, value: string) =>
      `at ${at} your expression is ${mine}, but ${derivative} there is ${value}`,
    slope: (at: string, mine: string, symbol: string, wrt: string, slope: string) =>
      `at ${at} your expression is ${mine}, but the slope of ${symbol} along ${wrt} there is ${slope}`,
    otherVariable: (derivative: string, wrt: string, other: string) =>
      `this is ${derivative}: differentiate with respect to ${wrt}, holding ${other} fixed`,
    signFlipped: 'the sign is flipped: check the sign of each term (the derivative of −u is −∂u)',
    factor: (ratio: string, wrt: string) =>
      `your expression is ${ratio} times the derivative everywhere: check the constant factors (∂/∂${wrt} u² = 2u · ∂u/∂${wrt})`,
  },
};

const koSquares = (wrt: string): string =>
  `제곱마다 연쇄 법칙을 적용하세요: ∂/∂${wrt} u² = 2u · ∂u/∂${wrt}입니다. u = x² + y − 11일 때와 u = x + y² − 7일 때를 각각 구해 더하세요(두 식 모두 ${wrt}에 따라 변합니다)`;

const ko: typeof en = {
  partials: {
    himmelblauX: { name: '힘멜블라우 함수의 ∂f/∂x', hint: koSquares('x') },
    himmelblauY: { name: '힘멜블라우 함수의 ∂f/∂y', hint: koSquares('y') },
    networkX: {
      name: '신경망 손실 (xy − 1)²의 ∂L/∂x',
      hint: '연쇄 법칙을 적용하세요: ∂/∂x (xy − 1)² = 2(xy − 1) · ∂(xy − 1)/∂x이고, 여기서 y는 상수입니다',
    },
    networkY: {
      name: '신경망 손실 (xy − 1)²의 ∂L/∂y',
      hint: '연쇄 법칙을 적용하세요: ∂/∂y (xy − 1)² = 2(xy − 1) · ∂(xy − 1)/∂y이고, 여기서 x는 상수입니다',
    },
  },
  expectedGradient: "문자열 두 개로 이루어진 객체 { x: '∂/∂x …', y: '∂/∂y …' }",
  what: (symbol, wrt, shown) => `${symbol}(x, y) = ${shown}의 ∂${symbol}/∂${wrt}`,
  parse: {
    empty: '식이 비어 있습니다',
    emptyHint: "편미분을 문자열로 쓰세요. 예: '2*x*y'",
    tooLong: (length, max) => `식이 ${length}자입니다. 최대 ${max}자까지만 읽습니다`,
    tooLongHint: '이 손실의 편미분은 짧은 한 줄이면 충분합니다. 공통인수로 묶어 보세요',
    notAscii: '식에 ASCII 영문자, 숫자, 연산자, 공백이 아닌 문자가 들어 있습니다',
    notAsciiHint: 'x²는 x^2로, −는 -로, ·는 *로 쓰고, 줄을 바꾸지 마세요',
    unparsable: (why) => `mathjs가 식을 해석하지 못했습니다(${why})`,
    unparsableHint: '괄호 짝을 확인하고, 곱셈은 *로 쓰세요. 예: 2*x*(x*y - 1)',
    allowedHint: (variables, functions) =>
      `숫자, 변수 ${variables.join('와 ')}, 연산자 + - * / ^, 괄호, 그리고 함수 ${functions.join(', ')}만 쓸 수 있습니다`,
    tooManyParts: (max) => `식을 이루는 요소가 ${max}개를 넘습니다`,
    notFinite: (text) => `유한한 수가 아닌 값이 있습니다: ${text}`,
    symbol: (name, variables) => `허용되지 않는 기호를 썼습니다: ${name}. 이 문제의 변수는 ${variables.join('와 ')}뿐입니다`,
    operator: (op) => `이 편미분에는 필요 없는 연산자를 썼습니다: ${op}`,
    call: (callee) => `허용되지 않는 함수를 호출했습니다: ${callee}. 편미분은 손으로 유도하세요`,
    node: (what) => `답에 쓸 수 없는 것이 들어 있습니다: ${what}`,
    nodes: {
      AssignmentNode: '대입(=)',
      FunctionAssignmentNode: '함수 정의',
      BlockNode: '여러 문장(; 또는 줄바꿈)',
      ArrayNode: '행렬이나 목록 [ … ]',
      ObjectNode: '객체 { … }',
      AccessorNode: '속성 접근',
      IndexNode: '인덱스 [ … ]',
      ConditionalNode: '조건식 ( ? : )',
      RangeNode: '범위(:)',
      RelationalNode: '비교',
      other: (type) => `${type} 노드`,
    },
  },
  check: {
    notEvaluable: (at, why) => `${at}에서 식의 값을 계산할 수 없습니다(${why})`,
    notReal: (at, value) => `${at}에서 식의 값이 ${value}입니다. 유한한 실수가 아닙니다`,
    polynomialHint: '이 손실의 편미분은 다항식입니다. 나눗셈이나 log, sqrt는 필요 없습니다',
    differs: (at, mine, derivative, value) => `${at}에서 여러분의 식은 ${mine}인데, 그 점의 ${derivative} 값은 ${value}입니다`,
    slope: (at, mine, symbol, wrt, slope) =>
      `${at}에서 여러분의 식은 ${mine}인데, 그 점에서 ${wrt} 방향으로 잰 ${symbol}의 기울기는 ${slope}입니다`,
    otherVariable: (derivative, wrt, other) => `이것은 ${derivative}입니다. ${other}를 고정하고 ${wrt}에 대해 미분하세요`,
    signFlipped: '부호가 반대입니다. 항마다 부호를 확인하세요(−u의 미분은 −∂u입니다)',
    factor: (ratio, wrt) =>
      `여러분의 식은 모든 점에서 편미분의 ${ratio}배입니다. 상수 인수를 확인하세요(∂/∂${wrt} u² = 2u · ∂u/∂${wrt})`,
  },
};

/** One language's sentences, as derivative.ts and the graders take them. */
export type Messages = typeof en;
/** Which partial derivative: the keys of the graders' checks. */
export type PartialKey = keyof Messages['partials'];

export default { en, ko } satisfies ExerciseMessages<typeof en>;
