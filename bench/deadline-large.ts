// The deadline-day bench's large files: unique PDFs of a given size, and the memory a server needs while 100 MB
// of uploads stream in at once.
import { performance } from 'node:perf_hooks';
import { UPLOAD_MAX_BYTES } from '@shared/contract/http/uploads';
import type { PortalLink } from '../tests/fixtures/scenario';
import { tusUpload } from '../tests/fixtures/scenario/link';

let serial = 0;
/** A PDF (by its header, which is what the server checks) of `bytes`, unique so the content-addressed store keeps each. */
export function bigPdf(bytes: number): Buffer {
  const b = Buffer.alloc(bytes, 0x20);
  b.write(`%PDF-1.4\n% deadline ${process.pid} ${serial++} ${performance.now()}\n`);
  b.write('\n%%EOF\n', bytes - 7);
  return b;
}

/**
 * Four uploads of the largest size a file may have (25 MB) at once, each by its own account — 100 MB in flight
 * — with the server's RSS sampled every 50 ms; then one upload declaring 100 MB, which must be refused before
 * its first byte.
 */
export async function largeUploads(accounts: ReadonlyArray<{ link: PortalLink; token: string }>, rss: () => number) {
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
  const files = accounts.map(() => bigPdf(UPLOAD_MAX_BYTES));
  try {
    const stored = await Promise.all(accounts.map((a, i) => tusUpload(a.link, { token: a.token, item: 'subsidy' }, files[i]!, 'large upload')));
    const oversized = await accounts[0]!.link.http('POST', '/api/uploads', {
      token: accounts[0]!.token,
      headers: { 'tus-resumable': '1.0.0', 'upload-length': String(4 * UPLOAD_MAX_BYTES), 'upload-metadata': `item ${Buffer.from('subsidy').toString('base64')}` },
    });
    return {
      before,
      peak: Math.max(peak, rss()),
      stored: stored.every((s) => s.size === UPLOAD_MAX_BYTES) && oversized.json?.error?.code === 'FILE_TOO_LARGE',
      oversized: `${oversized.status} ${oversized.json?.error?.code ?? ''}`,
    };
  } finally {
    clearInterval(sampler);
  }
}
