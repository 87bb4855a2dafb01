import { describe, expect, it } from 'vitest';
import type { DiagnosticReport, ModuleReport, SlotReport } from '@shared/contract/token';
import { certificate } from '../../test-support/certificates';
import { evaluateReport, evaluateServer, extraText } from './self-check';

const module64: ModuleReport = {
  path: 'C:\\Windows\\System32\\jscsp11.dll',
  source: 'profile',
  profile: 'jiangsu-ca',
  present: true,
  architecture: 'x64',
  loaded: true,
  info: { manufacturer: 'JSCA', description: 'Jiangsu CA PKCS#11', cryptokiVersion: '2.40', libraryVersion: '1.0' },
};
const slot: SlotReport = { modulePath: module64.path, slotId: '1', description: 'USB Key', tokenPresent: true, certificates: 1, token: { label: 'JSCA-0001', serial: '1', manufacturer: 'JSCA', model: 'K1', flags: ['TOKEN_INITIALIZED'], mechanisms: [] } };

function report(over: Partial<DiagnosticReport>): DiagnosticReport {
  return { generatedAt: '2026-11-22T00:00:00Z', appVersion: '0.1.0', platform: 'win32', arch: 'x64', modules: [module64], slots: [slot], certificates: [certificate()], errors: [], ...over };
}
const statuses = (r: DiagnosticReport) => evaluateReport(r).map((c) => `${c.id}:${c.status}`);

describe('evaluateReport', () => {
  it('passes everything for a good key', () => {
    expect(statuses(report({}))).toEqual(['driver:pass', 'token:pass', 'cert:pass', 'validity:pass', 'pin:pass']);
  });

  it('stops at a driver that did not load (32-bit) and names it', () => {
    const bad: ModuleReport = { ...module64, loaded: false, architecture: 'x86', error: { code: 'MODULE_LOAD_FAILED', detail: '32-bit' } };
    delete bad.info;
    const checks = evaluateReport(report({ modules: [bad], slots: [], certificates: [] }));
    expect(checks.map((c) => c.status)).toEqual(['fail', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(checks[0]?.finding).toEqual({ key: 'selfCheck.driver.failed', vars: { names: 'jscsp11.dll' } });
    expect(checks[0]?.fix).toBe('selfCheck.driver.fix');
  });

  it('says no driver at all when none is installed', () => {
    expect(evaluateReport(report({ modules: [], slots: [], certificates: [] }))[0]?.finding?.key).toBe('selfCheck.driver.none');
  });

  it('finds the key not plugged in, then a key without certificates', () => {
    expect(statuses(report({ slots: [{ ...slot, tokenPresent: false }], certificates: [] }))[1]).toBe('token:fail');
    expect(statuses(report({ certificates: [] })).slice(1, 3)).toEqual(['token:pass', 'cert:fail']);
  });

  it('fails on expired certificates and on a locked PIN', () => {
    expect(statuses(report({ certificates: [certificate({ validity: 'expired' })] }))[3]).toBe('validity:fail');
    const locked = certificate({ pin: { ...certificate().pin, locked: true } });
    expect(statuses(report({ certificates: [locked] }))[4]).toBe('pin:fail');
  });

  it('passes with a warning when another certificate is expired', () => {
    const checks = evaluateReport(report({ certificates: [certificate(), certificate({ fingerprint: 'b'.repeat(64), validity: 'expired', enterpriseName: '旧证书' })] }));
    expect(checks[3]?.status).toBe('pass');
    expect(checks[3]?.note?.vars).toEqual({ names: '旧证书' });
  });

  it('does not count an empty, uninitialised slot (SoftHSM\'s) as a key', () => {
    const initialised = { ...slot, token: { ...slot.token!, flags: ['TOKEN_INITIALIZED', 'LOGIN_REQUIRED'] } };
    const blank: SlotReport = { ...slot, slotId: '2', description: 'SoftHSM slot ID 0x2', certificates: 0, token: { ...slot.token!, label: '', flags: ['LOGIN_REQUIRED'] } };
    const onlyBlank = evaluateReport(report({ slots: [blank], certificates: [] }));
    expect(onlyBlank[1]).toMatchObject({ id: 'token', status: 'fail', finding: { key: 'selfCheck.token.empty', vars: { labels: 'SoftHSM slot ID 0x2' } } });
    const both = evaluateReport(report({ slots: [initialised, blank] }));
    expect(both[1]).toMatchObject({ status: 'pass', finding: { vars: { labels: 'JSCA-0001' } } });
  });
});

describe('evaluateServer', () => {
  it('passes a server that answered, with its version', () => {
    expect(evaluateServer({ serverUrl: 'https://one.sipac.gov.cn', allowed: true, reachable: true, version: '0.1.0', ms: 42 })).toEqual({
      id: 'server',
      title: 'selfCheck.server.title',
      status: 'pass',
      finding: { key: 'selfCheck.server.pass', vars: { url: 'https://one.sipac.gov.cn', version: '0.1.0', ms: 42 } },
    });
  });

  it('fails an http address off loopback and an unreachable one, each with what to do', () => {
    expect(evaluateServer({ serverUrl: 'http://portal.example', allowed: false, reachable: false, error: 'SERVER_URL_NOT_HTTPS' })).toMatchObject({ status: 'fail', finding: { key: 'selfCheck.server.notHttps' }, fix: 'selfCheck.server.fixHttps' });
    expect(evaluateServer({ serverUrl: 'https://portal.example', allowed: true, reachable: false, error: 'SERVER_UNREACHABLE' })).toMatchObject({ status: 'fail', finding: { key: 'selfCheck.server.unreachable' }, fix: 'selfCheck.server.fixUnreachable' });
  });
});

describe('evaluateReport on keys as they really are (issue 18)', () => {
  const unlock = { window: { 'zh-CN': '苏州工业园区一站式服务中心 3 楼 CA 窗口', en: 'the CA window' }, phones: ['0512-68701110', '025-96010'] };

  it('names the driver that crashed or hung, in the local time, under the driver check', () => {
    const at = '2026-11-22T02:03:04Z';
    const checks = evaluateReport(report({ serviceFailures: [{ kind: 'crash', at, method: 'signCms', module: 'C:\\Windows\\System32\\jscsp11.dll', exit: 'SIGABRT' }, { kind: 'hang', at, method: 'list', module: null }] }));
    const extras = (checks[0]?.extra ?? []).map((e) => extraText(e, 'zh-CN'));
    const time = new Date(at).toTimeString().slice(0, 8);
    expect(extras).toEqual([
      { key: 'faults.driver.crash', vars: { driver: 'jscsp11.dll', time, operation: '签名' } },
      { key: 'faults.driver.hang', vars: { driver: '（未知驱动）', time, operation: '读取证书' } },
    ]);
    expect(checks[0]?.status).toBe('pass');
  });

  it('says where a locked key is unlocked, once per CA', () => {
    const locked = (over = {}) => certificate({ pin: { countLow: false, finalTry: false, locked: true, pinPad: false, minLength: 6, maxLength: 16 }, unlock, ...over });
    const checks = evaluateReport(report({ certificates: [locked(), locked({ fingerprint: 'f'.repeat(64) })] }));
    const pin = checks.find((c) => c.id === 'pin');
    expect(pin?.status).toBe('fail');
    expect((pin?.extra ?? []).map((e) => extraText(e, 'en'))).toEqual([{ key: 'faults.unlock', vars: { window: 'the CA window', phones: '0512-68701110, 025-96010' } }]);
  });
});
