/**
 * What the test PKIs and tokens look like: pure data, no I/O.
 *
 * Every USCC here passes the GB 32100 check (the tests re-check it), and each sits in a different place in its
 * certificate so the token service's lookup order (DESIGN.md, "Validation rules") gets exercised.
 */

export const SOFTHSM_MODULE_PATH = '/usr/lib/softhsm/libsofthsm2.so';

/** Same PINs on every token: tests and the demo need to know them, real keys would not. */
export const USER_PIN = '12345678';
export const SO_PIN = '87654321';

/** CKA_LABEL of the key pair and the end-entity certificate (same label so tools can pair them by label too). */
export const SIGNING_OBJECT_LABEL = 'Signature';
/** CKA_LABEL of the issuing root certificate written next to it. */
export const ROOT_OBJECT_LABEL = 'CA Root Certificate';

export type CaProfileId = 'jiangsu-ca' | 'suzhou-ca' | 'elicence-card';
export type KeyType = 'RSA' | 'EC';
export type UsccSource = 'gmt0015-2023' | 'gmt0015-2012-4.1.4' | 'subject-serialNumber' | 'subject-OU';

/** GM/T 0015 certificate extensions that carry the USCC (DESIGN.md lists the lookup order). */
export const OID_GMT0015_2023_USCC = '1.2.156.10260.4.4';
export const OID_GMT0015_2012_ORG_CODE = '1.2.156.10260.4.1.4';

export interface CaProfile {
  id: CaProfileId;
  displayName: string;
  /** Root subject, in order, as (attribute, value) pairs. */
  rootSubject: ReadonlyArray<readonly [string, string]>;
  /**
   * Root validity is fixed and starts well before the expired certificate below, as a real CA root would:
   * an expired end-entity certificate must fail on its own dates, not because its issuer did not exist yet.
   */
  rootNotBefore: Date;
  rootNotAfter: Date;
  /** Loopback port of this CA's OCSP responder (the AIA of what it issues; revocation-service.ts answers there). */
  ocspPort: number;
}

/**
 * Where the test CAs' revocation services answer, written into every certificate they issue (AIA and CDP), as a
 * real CA does: the server finds them from the certificate alone (issue 17 item 3). Fixed loopback ports, since a
 * certificate in the snapshot outlives any process; `revocation-service.ts` serves them for tests and the demo.
 */
export const REVOCATION_HOST = '127.0.0.1';
export const CRL_PORT = 47180;

export function revocationUrls(profile: CaProfile): { ocsp: string; crl: string } {
  return { ocsp: `http://${REVOCATION_HOST}:${profile.ocspPort}/`, crl: `http://${REVOCATION_HOST}:${CRL_PORT}/${profile.id}.crl` };
}

export const CA_PROFILES: readonly CaProfile[] = [
  {
    id: 'jiangsu-ca',
    displayName: '江苏CA',
    rootSubject: [
      ['C', 'CN'],
      ['O', '江苏省电子商务服务中心有限责任公司'],
      ['CN', '江苏CA测试根证书 (TEST)'],
    ],
    rootNotBefore: new Date('2020-01-01T00:00:00Z'),
    rootNotAfter: new Date('2045-12-31T23:59:59Z'),
    ocspPort: 47181,
  },
  {
    id: 'suzhou-ca',
    displayName: '苏州CA',
    rootSubject: [
      ['C', 'CN'],
      ['O', '苏州市数字证书认证中心有限公司'],
      ['CN', '苏州CA测试根证书 (TEST)'],
    ],
    rootNotBefore: new Date('2020-01-01T00:00:00Z'),
    rootNotAfter: new Date('2045-12-31T23:59:59Z'),
    ocspPort: 47182,
  },
  // The e-licence CA behind the card e-business licence (卡式电子营业执照, issue 14); the server trusts it as an
  // e-licence issuer when its root sits in `<trust>/elicence-card/`. Its name is a test name (see
  // native/profiles/elicence-card.json for what is known of the real one).
  {
    id: 'elicence-card',
    displayName: '电子营业执照（卡）',
    rootSubject: [
      ['C', 'CN'],
      ['O', '国家市场监督管理总局'],
      ['CN', '电子营业执照测试根证书 (TEST)'],
    ],
    rootNotBefore: new Date('2020-01-01T00:00:00Z'),
    rootNotAfter: new Date('2045-12-31T23:59:59Z'),
    ocspPort: 47183,
  },
];

export interface IssuedTokenSpec {
  kind: 'issued';
  label: string;
  profile: CaProfileId;
  keyType: KeyType;
  keyBits: 2048 | 256;
  enterpriseName: string;
  uscc: string | null;
  usccSource: UsccSource | null;
  /** Subject OUs that are not a USCC; they come before the USCC OU when usccSource is 'subject-OU'. */
  otherOus: readonly string[];
  /** Fixed validity; when absent the certificate is valid from yesterday for two years. */
  validity?: { notBefore: Date; notAfter: Date };
  /**
   * The label of the token whose certificate this one renews (same enterprise, subject and USCC, a key of its own,
   * issued an hour later), as a CA's yearly renewal does. Installed only when named: a renewal is one enterprise's
   * second key, and every other test and the demo expect one key per enterprise.
   */
  renews?: string;
  /** Installed only when named (like a renewal): a key for one test's purpose, e.g. revoked by it meanwhile. */
  namedOnly?: true;
}

export interface EmptyTokenSpec {
  kind: 'empty';
  label: string;
}

export type TokenSpec = IssuedTokenSpec | EmptyTokenSpec;

const JSCA_RSA_0001: IssuedTokenSpec = {
  kind: 'issued',
  label: 'JSCA-RSA-0001',
  profile: 'jiangsu-ca',
  keyType: 'RSA',
  keyBits: 2048,
  enterpriseName: '苏州星河智能科技有限公司',
  uscc: '91320594MA1MXK3R3C',
  usccSource: 'gmt0015-2023',
  otherOus: [],
};

export const TOKEN_SPECS: readonly TokenSpec[] = [
  JSCA_RSA_0001,
  {
    kind: 'issued',
    label: 'JSCA-EC-0002',
    profile: 'jiangsu-ca',
    keyType: 'EC',
    keyBits: 256,
    enterpriseName: '苏州工业园区明德人力资源有限公司',
    uscc: '913205940892347182',
    usccSource: 'subject-serialNumber',
    otherOus: [],
  },
  {
    kind: 'issued',
    label: 'SZCA-RSA-0003',
    profile: 'suzhou-ca',
    keyType: 'RSA',
    keyBits: 2048,
    enterpriseName: '苏州晨光建设工程有限公司',
    uscc: '91320500MA27QF5NXE',
    usccSource: 'subject-OU',
    otherOus: ['财务部'],
  },
  {
    kind: 'issued',
    label: 'SZCA-EC-0004',
    profile: 'suzhou-ca',
    keyType: 'EC',
    keyBits: 256,
    enterpriseName: '苏州金鸡湖会计服务有限公司',
    uscc: '91320594559218772M',
    usccSource: 'gmt0015-2012-4.1.4',
    otherOus: [],
  },
  {
    kind: 'issued',
    label: 'JSCA-RSA-EXPIRED',
    profile: 'jiangsu-ca',
    keyType: 'RSA',
    keyBits: 2048,
    enterpriseName: '苏州过期证书测试有限公司',
    uscc: '91320594MA1P0LW291',
    usccSource: 'gmt0015-2023',
    otherOus: [],
    validity: { notBefore: new Date('2022-01-01T00:00:00Z'), notAfter: new Date('2024-01-01T00:00:00Z') },
  },
  {
    kind: 'issued',
    label: 'JSCA-RSA-NOUSCC',
    profile: 'jiangsu-ca',
    keyType: 'RSA',
    keyBits: 2048,
    enterpriseName: '苏州无代码测试有限公司',
    uscc: null,
    usccSource: null,
    otherOus: ['技术部'],
  },
  { kind: 'empty', label: 'SZCA-EMPTY' },
  // The card e-licence of the enterprise whose QR licence the SimulatedLicenceService holds
  // (tools/simulated-licence/simulated-licences.json): both land on the same enterprise.
  {
    kind: 'issued',
    label: 'ELIC-CARD-0001',
    profile: 'elicence-card',
    keyType: 'EC',
    keyBits: 256,
    enterpriseName: '苏州执照示范科技有限公司',
    uscc: '91320594MA1X0E1C1D',
    usccSource: 'gmt0015-2023',
    otherOus: [],
  },
  // JSCA-RSA-0001's renewal: the desktop's renewal step (RENEWAL_NEEDS_CONFIRMATION) is driven with it.
  { ...JSCA_RSA_0001, label: 'JSCA-RSA-0001-NEW', renews: 'JSCA-RSA-0001' },
  // A key its test revokes at the Suzhou CA's loopback responder (revocation-service.ts) while other tests run:
  // nobody else uses it, so nobody else's key is revoked meanwhile.
  {
    kind: 'issued',
    label: 'SZCA-RSA-LOST',
    profile: 'suzhou-ca',
    keyType: 'RSA',
    keyBits: 2048,
    enterpriseName: '苏州遗失密钥测试有限公司',
    uscc: '91320594MA1L0C780J',
    usccSource: 'gmt0015-2023',
    otherOus: [],
    namedOnly: true,
  },
];

/** End-entity subject, in DER order. C/ST/L are fixed: all test enterprises are in Suzhou. */
export function endEntitySubject(spec: IssuedTokenSpec): Array<readonly [string, string]> {
  const ous = [...spec.otherOus];
  if (spec.usccSource === 'subject-OU' && spec.uscc) ous.push(spec.uscc);
  const subject: Array<readonly [string, string]> = [
    ['C', 'CN'],
    ['ST', '江苏省'],
    ['L', '苏州市'],
    ['O', spec.enterpriseName],
    ...ous.map((ou) => ['OU', ou] as const),
    ['CN', spec.enterpriseName],
  ];
  if (spec.usccSource === 'subject-serialNumber' && spec.uscc) subject.push(['serialNumber', spec.uscc]);
  return subject;
}

/**
 * OpenSSL config lines for the USCC extension, if the USCC lives in one. The value is a DER string inside the
 * extension's OCTET STRING, as GM/T 0015 specifies (UTF8String for the 2023 OID, PrintableString for 2012's).
 */
export function usccExtensionLines(spec: IssuedTokenSpec): string[] {
  if (!spec.uscc) return [];
  switch (spec.usccSource) {
    case 'gmt0015-2023':
      return [`${OID_GMT0015_2023_USCC} = ASN1:UTF8String:${spec.uscc}`];
    case 'gmt0015-2012-4.1.4':
      return [`${OID_GMT0015_2012_ORG_CODE} = ASN1:PRINTABLESTRING:${spec.uscc}`];
    default:
      return [];
  }
}
