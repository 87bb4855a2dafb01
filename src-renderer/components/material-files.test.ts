import { describe, expect, it } from 'vitest';
import { MAX_FILES_PER_MATERIAL } from '@shared/contract/signing';
import type { AttachmentRef } from '@shared/contract/client-api';
import { addFile, roomFor } from './material-files';

const file = (n: number) => ({ requirement: 'diploma', sha256: String(n % 10).repeat(64), size: 10, mediaType: 'image/jpeg' as const, fileName: `第${n}页.jpg` });

describe('a material’s files', () => {
  it('adds in order, once each, up to the contract’s limit', () => {
    let files: readonly AttachmentRef[] = [];
    for (let n = 1; n <= MAX_FILES_PER_MATERIAL; n++) files = addFile(files, file(n));
    expect(files.map((f) => f.fileName)).toEqual(Array.from({ length: MAX_FILES_PER_MATERIAL }, (_, i) => `第${i + 1}页.jpg`));
    expect(addFile(files, file(MAX_FILES_PER_MATERIAL + 1))).toBe(files);
    const two = addFile([file(1)], file(2));
    expect(addFile(two, { ...file(1), fileName: '又一次.jpg' })).toBe(two);
  });

  it('says how many more a material may take, counting those waiting or sending', () => {
    expect(roomFor(0)).toBe(MAX_FILES_PER_MATERIAL);
    expect(roomFor(MAX_FILES_PER_MATERIAL - 1)).toBe(1);
    expect(roomFor(MAX_FILES_PER_MATERIAL + 2)).toBe(0);
  });
});
