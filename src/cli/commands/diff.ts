import { UserError } from '../errors.js';
import type { CliIo } from '../io.js';

// Placeholder until the diff command lands (issue 4); replaced in the same change.
export async function runDiff(_old: string, _new: string, _options: unknown, _io: CliIo): Promise<number> {
  throw new UserError('diff is not built yet');
}
