/**
 * Text from a submission on its way out (kit/grade/safe/text.ts): terminal escapes, CI workflow
 * commands, Markdown table cells and spreadsheet formulas are neutralised, and everything is capped.
 */
import { describe, expect, test } from 'vitest';
import { cleanLine, cleanText, csvCell, markdownCell, stopCommands } from '../../kit/grade/safe/text';

describe('cleanText', () => {
  test('removes ANSI and OSC sequences (colours, screen clears, clipboard writes, hyperlinks) and keeps the text', () => {
    expect(cleanText('\u001b[31mred\u001b[0m \u001b[2J\u001b[Hcleared')).toBe('red cleared');
    expect(cleanText('a\u001b]52;c;Y2xpcGJvYXJk\u0007b')).toBe('ab');
    expect(cleanText('\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
    expect(cleanText('unterminated \u001b]0;title\nnext line')).toBe('unterminated \nnext line');
  });

  test('keeps newlines, turns CRLF into a newline and another CR or a tab into a space, drops other controls', () => {
    expect(cleanText('a\r\nb\rc\td\u0000e\u0007f\u0008g\u007fh\u009bi')).toBe('a\nb c defghi');
    expect(cleanText('| 0/100 |\r| 100/100 |')).toBe('| 0/100 | | 100/100 |');
  });

  test('drops the Unicode direction overrides that reorder what is shown', () => {
    expect(cleanText('abc\u202edcba\u202c\u2066x\u2069')).toBe('abcdcbax');
  });

  test('breaks GitHub workflow commands: a line starting with :: (after any blank) and ##[ anywhere', () => {
    expect(cleanText('::set-output name=result::100')).toBe(': :set-output name=result::100');
    expect(cleanText('ok\n   ::add-mask::x\n\u00a0::error::y')).toBe('ok\n   : :add-mask::x\n\u00a0: :error::y');
    expect(cleanText('text ##[set-output name=x;]y')).toBe('text # #[set-output name=x;]y');
    for (const line of cleanText('::a::b\n::c::d\r::e::f').split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
  });

  test('caps the length (with an ellipsis) and does bounded work on huge input', () => {
    expect(cleanText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(cleanText('y'.repeat(50_000_000)).length).toBe(2000);
    expect(cleanLine('a\nb\n\nc', 200)).toBe('a b c');
  });

  test('is idempotent', () => {
    const once = cleanText('\u001b[1m::x::y\r\n##[z\u0000');
    expect(cleanText(once)).toBe(once);
  });
});

describe('markdownCell', () => {
  test('a cell cannot end early, draw a row, run HTML or format text', () => {
    expect(markdownCell('a | b\nc\r| 100/100 |')).toBe('a \\| b<br>c \\| 100/100 \\|');
    expect(markdownCell('<img src=x onerror=alert(1)> & `code` *b* _i_ [l](http://x) ~s~')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; \\`code\\` \\*b\\* \\_i\\_ \\[l\\](http://x) \\~s\\~',
    );
  });
});

describe('csvCell', () => {
  test("neutralises formulas (OWASP: a leading = + - @ tab or CR gets a ')", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const lead of ['+', '-', '@']) expect(csvCell(`${lead}SUM(A1)`)).toBe(`'${lead}SUM(A1)`);
    expect(csvCell('\t=1')).toBe("'=1");
    expect(csvCell('alice')).toBe('alice');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('two\nlines')).toBe('two lines');
    expect(csvCell(-1.5)).toBe('-1.5');
  });
});

test('stopCommands pauses command processing with a random token and resumes with the same one', () => {
  const a = stopCommands();
  const b = stopCommands();
  expect(a.stop).toMatch(/^::stop-commands::descent-[0-9a-f]{32}\n$/);
  expect(a.resume).toBe(`::${a.stop.slice('::stop-commands::'.length, -1)}::\n`);
  expect(a.stop).not.toBe(b.stop);
});
