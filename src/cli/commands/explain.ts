import { UserError } from '../errors.js';
import type { CliIo } from '../io.js';

// Placeholder until the explain command lands (issue 4); replaced in the same change.
export async function runExplain(_paths: string[], _options: unknown, _io: CliIo): Promise<number> {
  throw new UserError('explain is not built yet');
}
