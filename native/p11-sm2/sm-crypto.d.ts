/** The part of sm-crypto (v0.3, CommonJS, untyped) the tests use as a second SM2 implementation. */
declare module 'sm-crypto' {
  interface Sm2Options {
    der?: boolean;
    hash?: boolean;
    publicKey?: string;
    userId?: string;
  }
  export const sm2: {
    generateKeyPairHex(): { privateKey: string; publicKey: string };
    doSignature(msg: string | ArrayLike<number>, privateKey: string, options?: Sm2Options): string;
    doVerifySignature(msg: string | ArrayLike<number>, signHex: string, publicKey: string, options?: Sm2Options): boolean;
  };
}
