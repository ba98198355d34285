// Bytes read are bounded for every CLI input: /dev/zero, a pipe or a huge file is
// refused in Chinese after at most the limit, never read to the end.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputTooBig, readInput } from '../../../electron/cli/output.ts';
import { tempDir } from '../../helpers/core.ts';

describe('readInput', () => {
  it('stops at the limit on an endless device and on a large file; reads a small one whole', () => {
    const t = tempDir();
    expect(() => readInput('/dev/zero', 1024 * 1024)).toThrow(InputTooBig);
    expect(() => readInput('/dev/zero', 1024 * 1024)).toThrow(/超过 1 MB（或没有尽头，如 \/dev\/zero）/);
    const big = join(t.dir, 'big.json');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(() => readInput(big, 1024 * 1024)).toThrow(InputTooBig);
    const small = join(t.dir, 'small.json');
    writeFileSync(small, '{"a":1}');
    expect(readInput(small, 1024 * 1024)?.toString()).toBe('{"a":1}');
    expect(readInput(join(t.dir, 'none.json'))).toBeNull();
    expect(readInput(t.dir)).toBeNull();
    t.cleanup();
  });
});
