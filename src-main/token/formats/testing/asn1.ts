/**
 * Reads a CMS back with pkijs/asn1js for the tests: an independent parser, so the assertions do not trust the
 * writer's own idea of what it wrote.
 */
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export interface ParsedCms {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  /** Attribute type → its values. */
  attributes: Map<string, asn1js.AsnType[]>;
  /** The signedAttrs as carried, with pkijs's re-tagging of [0] IMPLICIT (0xA0) as SET (0x31): what is signed. */
  signedAttrsAsSet: Uint8Array;
}

export function parseCms(der: Uint8Array): ParsedCms {
  const contentInfo = pkijs.ContentInfo.fromBER(der);
  if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const [signerInfo] = signedData.signerInfos;
  if (!signerInfo?.signedAttrs) throw new Error('no signer with signed attributes');
  const attributes = new Map(signerInfo.signedAttrs.attributes.map((a) => [a.type, a.values as asn1js.AsnType[]]));
  return { signedData, signerInfo, attributes, signedAttrsAsSet: new Uint8Array(signerInfo.signedAttrs.encodedValue) };
}

export function children(block: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!block || !block.idBlock.isConstructed) throw new Error('not a constructed ASN.1 value');
  return (block as asn1js.Constructed).valueBlock.value;
}

export function requireSigner<T>(value: T | null): T {
  if (value === null) throw new Error('this identity has no signer');
  return value;
}
