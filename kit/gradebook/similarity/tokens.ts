/**
 * A TypeScript file as the sequence of token kinds a copy keeps when its names, literals, layout and
 * comments are changed — the normalisation of MOSS and JPlag. The `typescript` package's own scanner
 * reads the text (never a regular expression over code), so strings, template literals, regular
 * expressions and comments are recognised exactly as the compiler recognises them; then
 *
 *   - every identifier becomes one kind (`x`, `total`, `myOwnName` are the same token), keywords stay;
 *   - every numeric literal becomes one kind, every string or template piece another;
 *   - comments, whitespace and newlines are gone (the scanner skips trivia);
 *   - the `export` keyword is dropped (exporting a pasted helper or not changes nothing).
 *
 * The result is a list of small integers (TypeScript's SyntaxKind numbers), cheap to hash.
 */
import ts from 'typescript';

/** Token kinds that stand for any name or value. */
export const IDENTIFIER = ts.SyntaxKind.Identifier;
export const NUMBER = ts.SyntaxKind.NumericLiteral;
export const STRING = ts.SyntaxKind.StringLiteral;

/** Most tokens read from one file (a 1 MB exercise file has fewer than 400 000). */
export const MAX_TOKENS = 400_000;

/** Tokens after which a `/` is division, not the start of a regular expression. */
const ENDS_EXPRESSION = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Identifier, ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.BigIntLiteral, ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword, ts.SyntaxKind.SuperKeyword, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral, ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken,
]);

function normalised(kind: ts.SyntaxKind): ts.SyntaxKind {
  switch (kind) {
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
      return NUMBER;
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateHead:
    case ts.SyntaxKind.TemplateMiddle:
    case ts.SyntaxKind.TemplateTail:
    case ts.SyntaxKind.RegularExpressionLiteral:
      return STRING;
    case ts.SyntaxKind.PrivateIdentifier:
      return IDENTIFIER;
    default:
      // Contextual keywords (`type`, `of`, `number`, `readonly`, …) can be names too: one kind with names.
      return kind >= ts.SyntaxKind.AbstractKeyword && kind <= ts.SyntaxKind.LastKeyword ? IDENTIFIER : kind;
  }
}

/** The normalised token kinds of `source`. */
export function normalisedTokens(source: string): number[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, source);
  const out: number[] = [];
  // Open braces per template substitution: a `}` that closes one continues the template.
  const templates: number[] = [];
  let previous: ts.SyntaxKind = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken && out.length < MAX_TOKENS; kind = scanner.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !ENDS_EXPRESSION.has(previous)) {
      kind = scanner.reScanSlashToken();
    } else if (kind === ts.SyntaxKind.TemplateHead) {
      templates.push(0);
    } else if (kind === ts.SyntaxKind.OpenBraceToken && templates.length > 0) {
      templates[templates.length - 1]++;
    } else if (kind === ts.SyntaxKind.CloseBraceToken && templates.length > 0) {
      if (templates[templates.length - 1] === 0) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === ts.SyntaxKind.TemplateTail) templates.pop();
      } else templates[templates.length - 1]--;
    }
    previous = kind;
    if (kind === ts.SyntaxKind.ExportKeyword) continue;
    out.push(normalised(kind));
  }
  return out;
}
