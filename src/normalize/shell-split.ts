/**
 * POSIX shell word splitting for `bash -c "spark-submit …"` step strings, following the
 * token recognition and quote removal rules of the Shell Command Language
 * (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html §2.2, §2.3).
 * Nothing is expanded: `$VAR`, `${VAR}`, `$(…)` and backquotes stay in the words verbatim and
 * are listed in `expansions`, so the caller can report them instead of guessing their values.
 */

/** One token: a word, or an unquoted control/redirection operator (`&&`, `;`, `>`, `|`, …). */
export interface ShellToken {
  text: string;
  operator: boolean;
}

export interface ShellSplit {
  tokens: ShellToken[];
  /** Unquoted or double-quoted expansions, verbatim, in order of appearance. */
  expansions: string[];
  /** Set when the string ends inside quotes or with a lone backslash (the shell would reject it). */
  error?: 'unterminated-single-quote' | 'unterminated-double-quote' | 'trailing-backslash';
}

const BLANK = new Set([' ', '\t', '\n']);
/** Longest first, so `&&` wins over `&`. */
const OPERATORS = ['&&', '||', ';;', '>>', '<<', '>&', '<&', '>|', '<>', '&', '|', ';', '<', '>', '(', ')'];
/** Characters a backslash escapes inside double quotes (§2.2.3); before others it stays. */
const DQ_ESCAPABLE = new Set(['$', '`', '"', '\\', '\n']);

/**
 * The length of the expansion starting at `text[i] === '$'` or '`', or 0 if the `$` is literal.
 * Nested parentheses and braces are balanced; quoting inside `$(…)` is not interpreted.
 */
function expansionLength(text: string, i: number): number {
  const c = text[i];
  const next = text[i + 1] ?? '';
  if (c === '`') {
    const end = text.indexOf('`', i + 1);
    return end < 0 ? text.length - i : end - i + 1;
  }
  if (next === '{' || next === '(') {
    const close = next === '{' ? '}' : ')';
    let depth = 0;
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === next) depth++;
      else if (text[j] === close && --depth === 0) return j - i + 1;
    }
    return text.length - i;
  }
  const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(i + 1));
  return name ? name[0].length + 1 : 0;
}

/** Splits a shell command string into words and operators without expanding anything. */
export function shellSplit(text: string): ShellSplit {
  const tokens: ShellToken[] = [];
  const expansions: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) tokens.push({ text: word, operator: false });
    word = '';
    inWord = false;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\') {
      if (i + 1 >= text.length) return { tokens, expansions, error: 'trailing-backslash' };
      // Backslash-newline is a line continuation and disappears.
      if (text[i + 1] !== '\n') {
        word += text[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { tokens, expansions, error: 'unterminated-single-quote' };
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      for (;;) {
        if (i >= text.length) return { tokens, expansions, error: 'unterminated-double-quote' };
        const d = text[i] as string;
        if (d === '"') break;
        if (d === '\\' && DQ_ESCAPABLE.has(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          i += 2;
          continue;
        }
        const len = d === '$' || d === '`' ? expansionLength(text, i) : 0;
        if (len > 0) {
          expansions.push(text.slice(i, i + len));
          word += text.slice(i, i + len);
          i += len;
          continue;
        }
        word += d;
        i++;
      }
      i++;
    } else if (BLANK.has(c)) {
      endWord();
      i++;
    } else if (c === '#' && !inWord) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if ((c === '$' || c === '`') && expansionLength(text, i) > 0) {
      const len = expansionLength(text, i);
      expansions.push(text.slice(i, i + len));
      word += text.slice(i, i + len);
      inWord = true;
      i += len;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        endWord();
        tokens.push({ text: op, operator: true });
        i += op.length;
      } else {
        word += c;
        inWord = true;
        i++;
      }
    }
  }
  endWord();
  return { tokens, expansions };
}

