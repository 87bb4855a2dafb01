/** Human-readable output of the CLI, in the language of the support desk (zh-CN unless LANG says otherwise). */
import type { DiagnosticReport, TokenCertificate, UnlockContact } from '@shared/contract/token';
import type { Locale } from '@shared/i18n/messages';

const SOURCE_NAMES: Record<string, string> = {
  'gmt0015-2023': 'GM/T 0015-2023 extension 1.2.156.10260.4.4',
  'gmt0015-2012-4.1.4': 'GM/T 0015-2012 extension 1.2.156.10260.4.1.4',
  'gmt0015-2012-4.1.3': 'GM/T 0015-2012 extension 1.2.156.10260.4.1.3',
  'cn86-7.4': 'extension 1.2.86.11.7.4',
  'cn86-7.3': 'extension 1.2.86.11.7.3',
  'subject-serialNumber': 'subject serialNumber',
  'subject-organizationIdentifier': 'subject organizationIdentifier',
  'subject-OU': 'subject OU',
  'subject-CN': 'subject CN',
};

/** Pads to a terminal column width: CJK characters take two columns, so String.padEnd misaligns them. */
function pad(text: string, columns: number): string {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(1, columns - width));
}

const L = {
  'zh-CN': { none: '未找到 CA 数字证书。', uscc: '统一社会信用代码', noUscc: '（无）', ca: '证书机构', issuer: '颁发者', token: 'USB Key', key: '密钥', valid: '有效期', pin: 'PIN 状态', fp: 'SHA-256' },
  en: { none: 'No CA certificate found.', uscc: 'USCC', noUscc: '(none)', ca: 'CA', issuer: 'Issuer', token: 'Token', key: 'Key', valid: 'Valid', pin: 'PIN', fp: 'SHA-256' },
} as const;

/** Where to take a locked key, from its CA's profile (issue 18); null when the profile names no place. */
export function unlockText(unlock: UnlockContact | undefined, locale: Locale): string | null {
  if (!unlock) return null;
  const phones = unlock.phones.join(locale === 'zh-CN' ? '、' : ', ');
  return locale === 'zh-CN' ? `解锁：${unlock.window['zh-CN']}，电话 ${phones}` : `unlock at ${unlock.window.en}, phone ${phones}`;
}

function pinText(c: TokenCertificate, locale: Locale): string {
  const p = c.pin;
  const zh = locale === 'zh-CN';
  if (p.locked) return [zh ? '已锁定' : 'locked', unlockText(c.unlock, locale)].filter(Boolean).join(zh ? '；' : '; ');
  // Only the final try is a count PKCS#11 gives; COUNT_LOW says a PIN was wrong since the last success.
  const parts = [p.finalTry ? (zh ? '最后一次尝试（剩余 1 次），再输错一次将锁定' : 'final try (1 left): one more wrong PIN locks the key') : p.countLow ? (zh ? '曾输错' : 'count low') : zh ? '正常' : 'ok'];
  if (p.pinPad) parts.push(zh ? '使用 PIN 键盘' : 'PIN pad');
  return parts.join(', ');
}

export function renderCertificates(certs: TokenCertificate[], locale: Locale): string {
  const t = L[locale];
  if (certs.length === 0) return `${t.none}\n`;
  return certs
    .map((c, i) =>
      [
        `[${i + 1}] ${c.enterpriseName ?? c.subject}`,
        `    ${pad(t.uscc, 18)}${c.uscc ? `${c.uscc} (${SOURCE_NAMES[c.usccSource ?? ''] ?? c.usccSource})` : t.noUscc}`,
        `    ${pad(t.ca, 18)}${c.profile}`,
        `    ${pad(t.issuer, 18)}${c.issuer}`,
        `    ${pad(t.token, 18)}${c.tokenLabel} (${c.tokenManufacturer} ${c.tokenModel}, #${c.tokenSerial})`,
        `    ${pad(t.key, 18)}${c.keyType} ${c.keyBits}`,
        `    ${pad(t.valid, 18)}${c.notBefore.slice(0, 10)} → ${c.notAfter.slice(0, 10)} (${c.validity})`,
        `    ${pad(t.pin, 18)}${pinText(c, locale)}`,
        `    ${pad(t.fp, 18)}${c.fingerprint}`,
      ].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

/** A plain-text report to paste into a support ticket. It has no PIN to leak: the service never returns one. */
export function renderDiagnostics(r: DiagnosticReport, locale: Locale): string {
  const lines = [
    `Tongban CA diagnostics ${r.generatedAt} (app ${r.appVersion}, ${r.platform}-${r.arch})`,
    '',
    'Modules:',
    ...r.modules.map((m) =>
      [
        `  ${m.path}`,
        `    source=${m.source} profile=${m.profile} present=${m.present} arch=${m.architecture} loaded=${m.loaded}`,
        m.info ? `    C_GetInfo: ${m.info.manufacturer} / ${m.info.description} (Cryptoki ${m.info.cryptokiVersion}, library ${m.info.libraryVersion})` : null,
        m.error ? `    error: ${m.error.code} ${m.error.detail}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    '',
    'Slots:',
    ...r.slots.map((s) =>
      [
        `  ${s.modulePath} slot ${s.slotId} "${s.description}"`,
        s.token ? `    token "${s.token.label}" ${s.token.manufacturer} ${s.token.model} #${s.token.serial}` : null,
        s.token ? `    flags: ${s.token.flags.join(' ') || '-'}` : null,
        s.token ? `    mechanisms: ${s.token.mechanisms.join(' ') || '-'}` : null,
        `    certificates: ${s.certificates}`,
        s.error ? `    error: ${s.error.code} ${s.error.detail}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    '',
    'Certificates:',
    renderCertificates(r.certificates, locale).replace(/^/gm, '  ').trimEnd(),
    '',
    `Errors: ${r.errors.length === 0 ? 'none' : ''}`,
    ...r.errors.map((e) => `  ${e}`),
    // The service cannot report its own crash: the client that restarted it does (issue 18).
    ...(r.serviceFailures?.length ? ['', 'Service failures:', ...r.serviceFailures.map((f) => `  ${f.at} ${f.kind} in ${f.method}: ${f.module ?? 'unknown module'}${f.exit ? ` (${f.exit})` : ''}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}
