/**
 * Reads a library's target architecture from its header before we try to load it: a 32-bit vendor DLL in a
 * 64-bit Tongban fails with an opaque "%1 is not a valid Win32 application"; we say "wrong bitness" instead.
 */
import { open } from 'node:fs/promises';

export type Architecture = 'x64' | 'ia32' | 'arm64' | 'arm' | 'unknown';

const PE_MACHINE: Record<number, Architecture> = { 0x8664: 'x64', 0x014c: 'ia32', 0xaa64: 'arm64', 0x01c4: 'arm' };
const ELF_MACHINE: Record<number, Architecture> = { 0x3e: 'x64', 0x03: 'ia32', 0xb7: 'arm64', 0x28: 'arm' };

/** Architecture of a PE (Windows DLL), ELF (Linux .so) or Mach-O 64 library; `unknown` when unreadable. */
export async function libraryArchitecture(file: string): Promise<Architecture> {
  let handle;
  try {
    handle = await open(file, 'r');
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return architectureOfHeader(head.subarray(0, bytesRead));
  } catch {
    return 'unknown';
  } finally {
    await handle?.close();
  }
}

export function architectureOfHeader(head: Buffer): Architecture {
  if (head.length >= 0x40 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      return PE_MACHINE[head.readUInt16LE(pe + 4)] ?? 'unknown';
    }
    return 'unknown';
  }
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const littleEndian = head[5] === 1;
    const machine = littleEndian ? head.readUInt16LE(18) : head.readUInt16BE(18);
    return ELF_MACHINE[machine] ?? 'unknown';
  }
  if (head.length >= 8 && head.readUInt32LE(0) === 0xfeedfacf) {
    return head.readUInt32LE(4) === 0x0100000c ? 'arm64' : head.readUInt32LE(4) === 0x01000007 ? 'x64' : 'unknown';
  }
  return 'unknown';
}
