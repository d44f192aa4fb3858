import { UserError } from '../errors.js';
import type { CliIo } from '../io.js';

// Placeholder until the review shell lands (issue 4); replaced in the same change.
export async function runReview(_paths: string[], _options: unknown, _io: CliIo): Promise<number> {
  throw new UserError('review is not built yet');
}
