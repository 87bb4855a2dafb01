// fontkit 2 ships no types. pdf-lib declares the font API it uses (its `Fontkit` interface), so this declares only
// the entry point; fontkit-adapter.ts gives the result pdf-lib's type.
declare module 'fontkit' {
  export function create(data: Uint8Array, postscriptName?: string): unknown;
}
