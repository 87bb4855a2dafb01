/**
 * "The signed PDF is the generated one plus the signature" (issue 15 item 4): the signed file must begin with the
 * original's bytes, unchanged, and what the incremental updates after them change must leave every page as it was —
 * same page count, same content streams, resources, boxes and rotation, the original annotations still there —
 * and add nothing but signature widgets (and, in the catalog, only the AcroForm and the DSS). Compared on the
 * parsed objects, so a writer that rewrites the page dictionary to add /Annots is fine, one that touches the
 * drawing is not.
 */
import { PDF, PdfArray, PdfBool, PdfDict, PdfName, PdfNumber, PdfRef, PdfStream, PdfString, type PdfObject } from '@libpdf/core';
import { createHash } from 'node:crypto';

type Resolve = (ref: PdfRef) => PdfObject | null;

/** Page keys an incremental signature may change. */
const PAGE_KEYS_SIGNING_MAY_CHANGE = new Set(['Annots']);
/** Catalog keys an incremental signature may add or change. */
const CATALOG_KEYS_SIGNING_MAY_CHANGE = new Set(['AcroForm', 'DSS', 'Perms']);
/** Back-pointers and tree links that lead out of the object compared (and into cycles). */
const SKIP = new Set(['Parent', 'P', 'Kids', 'Annots', 'Dest', 'A', 'StructParents', 'B']);

/** A digest of an object as drawn: references resolved, stream data decoded, back-pointers skipped. */
function canon(obj: PdfObject | undefined, resolve: Resolve, depth = 0, seen = new Set<string>()): string {
  if (obj === undefined) return 'undefined';
  if (depth > 40) return 'deep';
  if (obj instanceof PdfRef) {
    const key = `${obj.objectNumber} ${obj.generation}`;
    if (seen.has(key)) return 'cycle';
    const next = new Set(seen).add(key);
    return canon(resolve(obj) ?? undefined, resolve, depth + 1, next);
  }
  if (obj instanceof PdfArray) return `[${obj.toArray().map((o) => canon(o, resolve, depth + 1, seen)).join(',')}]`;
  if (obj instanceof PdfDict) {
    const entries = [...obj]
      .filter(([k]) => !SKIP.has(k.value))
      .map(([k, v]) => `${k.value}:${canon(v, resolve, depth + 1, seen)}`)
      .sort();
    const data = obj instanceof PdfStream ? `#${createHash('sha256').update(decoded(obj)).digest('hex')}` : '';
    return `{${entries.join(';')}}${data}`;
  }
  if (obj instanceof PdfString) return `(${Buffer.from(obj.bytes).toString('hex')})`;
  if (obj instanceof PdfName) return `/${obj.value}`;
  if (obj instanceof PdfNumber) return String(obj.value);
  if (obj instanceof PdfBool) return String(obj.value);
  return obj.type;
}

function decoded(stream: PdfStream): Uint8Array {
  try {
    return stream.getDecodedData();
  } catch {
    return stream.getEncodedData();
  }
}

const resolver = (pdf: PDF): Resolve => pdf.context.registry.resolve.bind(pdf.context.registry);

function refKey(o: PdfObject | undefined): string | null {
  return o instanceof PdfRef ? `${o.objectNumber} ${o.generation}` : null;
}

/** Whether the later revision draws every page as the earlier one does and adds only signature material. */
export function onlySignaturesAdded(before: PDF, after: PDF): boolean {
  const rb = resolver(before);
  const ra = resolver(after);
  if (before.getPageCount() !== after.getPageCount()) return false;
  for (let i = 0; i < before.getPageCount(); i++) {
    const pb = before.getPage(i)!;
    const pa = after.getPage(i)!;
    const keys = new Set([...pb.dict.keys(), ...pa.dict.keys()].map((k) => k.value));
    for (const key of keys) {
      if (PAGE_KEYS_SIGNING_MAY_CHANGE.has(key) || key === 'Parent') continue;
      if (canon(pb.dict.get(key), rb) !== canon(pa.dict.get(key), ra)) return false;
    }
    // Inherited attributes (MediaBox, Resources from the page tree) as the page sees them.
    if (pb.width !== pa.width || pb.height !== pa.height || pb.rotation !== pa.rotation) return false;
    const annotsBefore = pb.dict.getArray('Annots', rb)?.toArray() ?? [];
    const annotsAfter = pa.dict.getArray('Annots', ra)?.toArray() ?? [];
    const afterKeys = new Set(annotsAfter.map(refKey));
    // Earlier annotations stay, unchanged; new ones are signature widgets only.
    for (const a of annotsBefore) {
      const k = refKey(a);
      if (!k || !afterKeys.has(k) || canon(a, rb) !== canon(a, ra)) return false;
    }
    const beforeKeys = new Set(annotsBefore.map(refKey));
    for (const a of annotsAfter) {
      if (beforeKeys.has(refKey(a))) continue;
      const annot = a instanceof PdfRef ? ra(a) : a;
      if (!(annot instanceof PdfDict)) return false;
      const isSigWidget = annot.getName('Subtype', ra)?.value === 'Widget' && annot.getName('FT', ra)?.value === 'Sig';
      if (!isSigWidget) return false;
    }
  }
  const cb = before.getCatalog();
  const ca = after.getCatalog();
  const catalogKeys = new Set([...cb.keys(), ...ca.keys()].map((k) => k.value));
  for (const key of catalogKeys) {
    if (CATALOG_KEYS_SIGNING_MAY_CHANGE.has(key) || key === 'Pages') continue;
    if (canon(cb.get(key), rb) !== canon(ca.get(key), ra)) return false;
  }
  // Earlier form fields keep their values (a signature must not fill in a field).
  const fieldsBefore = before.getForm()?.getFields() ?? [];
  const fieldsAfter = new Map((after.getForm()?.getFields() ?? []).map((f) => [f.name, f]));
  for (const f of fieldsBefore) {
    const g = fieldsAfter.get(f.name);
    if (!g || canon(f.getDict().get('V'), rb) !== canon(g.getDict().get('V'), ra)) return false;
  }
  return true;
}

export async function loadPdf(bytes: Uint8Array): Promise<PDF | null> {
  try {
    return await PDF.load(bytes);
  } catch {
    return null;
  }
}

export function startsWith(whole: Uint8Array, prefix: Uint8Array): boolean {
  return whole.length >= prefix.length && Buffer.from(whole.buffer, whole.byteOffset, prefix.length).equals(Buffer.from(prefix));
}
