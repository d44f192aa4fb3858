import { ParseError, lineStarts, positionAt } from '../shared/doc-node.js';

/** A word as a POSIX shell passes it to a program, with the file offset of each character. */
export interface ShellWord {
  text: string;
  /** `offsets[i]` is the offset in the file of `text[i]`; one extra entry marks the end. */
  offsets: number[];
}

/**
 * Splits text into words as a POSIX shell would (quote removal, backslash escapes,
 * line continuations, `#` comments; https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_02_02),
 * so a file of `--steps` values reads exactly as `aws emr add-steps --steps …` received them.
 * Nothing is expanded: `$VAR` stays verbatim for a later rule to report.
 */
export function shellWords(text: string): ShellWord[] {
  const words: ShellWord[] = [];
  let word: ShellWord | undefined;
  const push = (ch: string, at: number) => {
    word ??= { text: '', offsets: [] };
    word.text += ch;
    word.offsets.push(at);
  };
  const end = (at: number) => {
    if (!word) return;
    word.offsets.push(at);
    words.push(word);
    word = undefined;
  };
  const fail = (reason: string, at: number): never => {
    const pos = positionAt(lineStarts(text), at);
    throw new ParseError(reason, pos.line, pos.column);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end(i);
      i++;
    } else if (c === '#' && !word) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') i += 2;
      else if (next === '\r' && text[i + 2] === '\n') i += 3;
      else if (next === undefined) i++;
      else {
        push(next, i + 1);
        i += 2;
      }
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1) fail('unterminated single quote', i);
      word ??= { text: '', offsets: [] };
      for (let j = i + 1; j < close; j++) push(text[j] as string, j);
      i = close + 1;
    } else if (c === '"') {
      const open = i;
      word ??= { text: '', offsets: [] };
      i++;
      for (;;) {
        const d = text[i];
        if (d === undefined) fail('unterminated double quote', open);
        if (d === '"') break;
        const e = text[i + 1];
        if (d === '\\' && e === '\n') i += 2;
        else if (d === '\\' && e !== undefined && '$`"\\'.includes(e)) {
          push(e, i + 1);
          i += 2;
        } else {
          push(d as string, i);
          i++;
        }
      }
      i++;
    } else {
      push(c, i);
      i++;
    }
  }
  end(text.length);
  return words;
}
