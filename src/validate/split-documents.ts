/** One YAML document of a multi-document text, with its position in the text. */
export interface TextDocument {
  text: string;
  /** 1-based source line of the first line of `text`, to map parser positions back. */
  firstLine: number;
  /** 1-based line where the content starts: the first line that is not blank, a comment or a directive. */
  line: number;
}

const START = /^---(?=[ \t]|$)/;
const END = /^\.\.\.(?=[ \t]|$)/;
const CONTENT = /^(?!\s*#)(?!%)\s*\S/;

/**
 * Splits YAML text at document markers (`---` and `...` at column 0, YAML 1.2 §9.1), keeping
 * each document's position so that a finding can name the line of the document it concerns.
 * A marker at column 0 cannot occur inside a scalar's content, so splitting on lines is exact.
 * Documents without content are left out.
 */
export function splitDocuments(text: string): TextDocument[] {
  const docs: TextDocument[] = [];
  let lines: string[] = [];
  let firstLine = 1;
  let contentLine: number | undefined;
  const flush = (): void => {
    if (contentLine !== undefined) docs.push({ text: lines.join('\n'), firstLine, line: contentLine });
    lines = [];
    contentLine = undefined;
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    let line = raw;
    if (END.test(raw)) {
      flush();
      firstLine = lineNo + 1;
      return;
    }
    if (START.test(raw)) {
      flush();
      firstLine = lineNo;
      line = raw.slice(3);
    }
    lines.push(line);
    if (contentLine === undefined && CONTENT.test(line)) contentLine = lineNo;
  });
  flush();
  return docs;
}
