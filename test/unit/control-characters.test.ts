import { describe, expect, it } from 'vitest';
import { findControlCharacter } from '../../src/lib/content-safety.ts';

describe('control characters in a record file', () => {
  it.each([
    ['a NUL byte', 'a\u0000b', 'U+0000'],
    ["the vertical tab Word's manual line break pastes as", '现予\u000b公示', 'U+000B'],
    ['an escape sequence from a terminal', '\u001b[31m红字', 'U+001B'],
    ['a carriage return with no line feed (old Mac line ends)', '---\rtitle: x\r---', 'U+000D'],
    ['a right-to-left override that shows digits reversed', '电话\u202e0008 3100 831', 'U+202E'],
    ['a bidirectional isolate', 'a\u2066b', 'U+2066'],
    ['a C1 control from a mis-decoded file', 'a\u0085b', 'U+0085'],
  ])('finds %s, with its line and column', (_, text, code) => {
    expect(findControlCharacter(`第一行\n${text}`)).toMatchObject({ line: 2, code });
  });

  it('accepts tabs, Windows and Unix line ends, emoji, and the zero-width joiner inside an emoji', () => {
    expect(findControlCharacter('---\r\ntitle:\t公示\r\n---\n正文 👨‍👩‍👧 完\n')).toBeUndefined();
  });
});
