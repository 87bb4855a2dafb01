// Web APIs that exist in every runtime Tongban ships to (Node >= 20, Chromium, Electron's main, preload and
// renderer). src-shared compiles with neither the DOM nor the Node type libraries, so that nothing runtime-specific
// slips in; these few universal ones are declared here, narrowly, for it alone.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  readonly href: string;
  toString(): string;
}
