import type { Diagnostic } from '../../model/diagnostic.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import { ParseError, lineStarts, positionAt, type DocNode } from '../shared/doc-node.js';
import type { ImportInput } from '../types.js';
import { shellWords } from './shell-words.js';
import { ShorthandError, parseShorthand } from './shorthand.js';

/** One `--steps` item and its path in messages. */
export type Item = { node: DocNode; path: string };

/**
 * The steps of a shorthand text file: the text is split into words as a shell would, and each
 * word is parsed as AWS CLI shorthand into one located object. A word that is not valid shorthand is
 * one diagnostic and leaves a hole, so the steps after it keep their position.
 */
export function shorthandItems(input: ImportInput, indexBase: number, diagnostics: Diagnostic[]): Array<Item | undefined> {
  const starts = lineStarts(input.text);
  let words;
  try {
    words = shellWords(input.text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const loc = { file: input.file, line: error.line, column: error.column };
    diagnostics.push(fileDiagnostic('invalid-shorthand', 'error', loc, error.reason, 'Close every quote as a shell would need it.'));
    return [];
  }
  const items: Array<Item | undefined> = [];
  words.forEach((word, i) => {
    const positionOf = (index: number) => positionAt(starts, word.offsets[Math.min(index, word.offsets.length - 1)] as number);
    try {
      items.push({ node: parseShorthand(word.text, positionOf), path: `--steps[${i}]` });
    } catch (error) {
      if (!(error instanceof ShorthandError)) throw error;
      const loc = { file: input.file, ...positionOf(error.index), path: `--steps[${i}]` };
      diagnostics.push(
        fileDiagnostic(
          'invalid-step',
          'error',
          loc,
          `step ${indexBase + i + 1} is not valid shorthand: ${error.reason}`,
          'Write each step as Type=Spark,Name=…,Args=[a,b,…]; quote a value that holds commas, e.g. \'Args=["a,b"]\'.',
        ),
      );
      items.push(undefined);
    }
  });
  return items;
}
