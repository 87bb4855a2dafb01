/**
 * pdf-lib's font engine. pdf-lib is written against fontkit 1 and its own fork of it (@pdf-lib/fontkit), whose
 * subsetter writes a broken CFF for CID-keyed fonts such as Noto Sans CJK (an invalid offSize in the header: poppler
 * and Acrobat reject the embedded font, and the text shows only where the reader finds the font installed) and a
 * corrupt `loca` for TrueType fonts. Upstream fontkit 2 fixed both; it replaced `subset.encodeStream()` with
 * `subset.encode()`, which this adapter turns back into the one-shot stream pdf-lib listens to.
 */
import { create } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;
type Subset = ReturnType<Font['createSubset']>;
type SubsetStream = ReturnType<Subset['encodeStream']>;
type Listener = (data: Uint8Array) => unknown;

interface Fontkit2Subset {
  encode(): Uint8Array;
  encodeStream?: Subset['encodeStream'];
}

function streamOf(encode: () => Uint8Array): SubsetStream {
  const listeners = new Map<string, Listener>();
  const stream: SubsetStream = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return stream;
    },
  } as SubsetStream;
  // pdf-lib attaches its listeners right after the call returns: emit on the next microtask.
  void Promise.resolve().then(() => {
    try {
      listeners.get('data')?.(encode());
      listeners.get('end')?.(new Uint8Array(0));
    } catch (error) {
      (listeners.get('error') as ((e: unknown) => unknown) | undefined)?.(error);
    }
  });
  return stream;
}

export const fontkit: Fontkit = {
  create(bytes: Uint8Array, postscriptName?: string): Font {
    const font = create(bytes, postscriptName) as Font;
    const createSubset = font.createSubset.bind(font) as unknown as () => Fontkit2Subset;
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => streamOf(() => subset.encode());
      return subset as unknown as Subset;
    };
    return font;
  },
};

/** The PostScript name of a font file (e.g. `NotoSansCJKsc-Regular`). */
export function postscriptNameOf(bytes: Uint8Array): string {
  return (create(bytes) as Font).postscriptName || 'Font';
}
