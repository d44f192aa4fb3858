import { describe, expect, it } from 'vitest';
import { fileSystemErrorLine } from './errors.js';

function errnoError(code: string, syscall?: string, path?: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: something, ${syscall ?? ''}`);
  error.code = code;
  if (syscall !== undefined) error.syscall = syscall;
  if (path !== undefined) error.path = path;
  return error;
}

describe('fileSystemErrorLine', () => {
  it('tells a file-system error as the file, what is wrong and a hint', () => {
    expect(fileSystemErrorLine(errnoError('ENOSPC', 'write', '/data/k8s/default/etl.yaml'))).toBe(
      '/data/k8s/default/etl.yaml: no space left on the device (ENOSPC on write) (hint: check the permissions and free space of the output folder, or choose another with --out)',
    );
    expect(fileSystemErrorLine(errnoError('EACCES', 'open', '/data/k8s'))).toMatch(/^\/data\/k8s: permission denied \(EACCES on open\)/);
    // mkdir of the output folder where a file is in the way.
    expect(fileSystemErrorLine(errnoError('EEXIST', 'mkdir', '/data/k8s'))).toMatch(/^\/data\/k8s: something else already exists there \(EEXIST on mkdir\)/);
  });

  it('leaves every other error to the caller: no errno code it knows, or no system call', () => {
    expect(fileSystemErrorLine(new Error('boom'))).toBeUndefined();
    expect(fileSystemErrorLine(errnoError('ECONNRESET', 'read'))).toBeUndefined();
    expect(fileSystemErrorLine(errnoError('EACCES'))).toBeUndefined();
    expect(fileSystemErrorLine('EACCES')).toBeUndefined();
  });
});
