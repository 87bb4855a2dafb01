import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { PolicyValues } from '@shared/policy/policies';
import type { Updater } from './electron-updater';
import { decideUpdates, detectInstallKind, feedIsSigned, type InstallKind } from './update-decision';
import { startUpdates } from './updates';

describe('update decision', () => {
  const kinds: InstallKind[] = ['nsis', 'msi', 'unpacked'];
  const policies: Array<[string, PolicyValues]> = [
    ['none', {}],
    ['off', { UpdatesEnabled: false }],
    ['beta', { UpdatesEnabled: true, UpdateChannel: 'beta' }],
    ['mirror', { UpdateChannel: 'stable', UpdateFeedUrl: 'https://mirror.corp.example/tongban' }],
    ['http mirror', { UpdateFeedUrl: 'http://mirror.corp.example/tongban' }],
  ];
  const expected: Record<InstallKind, Record<string, unknown>> = {
    nsis: {
      none: { status: { mode: 'self', channel: 'stable' }, feed: { channel: 'latest' } },
      off: { status: { mode: 'off', reason: 'policy' } },
      beta: { status: { mode: 'self', channel: 'beta' }, feed: { channel: 'beta' } },
      mirror: { status: { mode: 'self', channel: 'stable' }, feed: { channel: 'latest', url: 'https://mirror.corp.example/tongban' } },
      'http mirror': { status: { mode: 'self', channel: 'stable' }, feed: { channel: 'latest' } },
    },
    // An MSI install never updates itself, whatever the policy: IT deploys the next MSI.
    msi: Object.fromEntries(policies.map(([n]) => [n, { status: { mode: 'it' } }])),
    unpacked: Object.fromEntries(policies.map(([n]) => [n, { status: { mode: 'none' } }])),
  };
  for (const kind of kinds) {
    for (const [name, policy] of policies) {
      it(`${kind} install, policy ${name}`, () => expect(decideUpdates(kind, policy, true)).toEqual(expected[kind][name]));
    }
  }

  it('does not self-update a build whose feed names no publisher to check the signature against', () => {
    expect(decideUpdates('nsis', {}, false)).toEqual({ status: { mode: 'off', reason: 'unsigned' } });
    expect(feedIsSigned('provider: generic\nurl: https://updates.example\npublisherName:\n  - 苏州通办信息技术有限公司\nupdaterCacheDirName: tongban-updater\n')).toBe(true);
    expect(feedIsSigned('provider: generic\nupdaterCacheDirName: tongban-updater\n')).toBe(false);
    expect(feedIsSigned(null)).toBe(false);
  });

  it('tells NSIS from MSI installs by the uninstaller beside the exe, then by the MSI record for that folder', () => {
    const exePath = 'C:\\Program Files\\通办 Tongban\\通办 Tongban.exe';
    const base = { platform: 'win32' as const, packaged: true, exePath };
    expect(detectInstallKind({ ...base, record: {}, listDir: () => ['Uninstall 通办 Tongban.exe', 'resources'] })).toBe('nsis');
    expect(detectInstallKind({ ...base, record: { InstallKind: 'msi', InstallDir: 'c:\\program files\\通办 Tongban\\' }, listDir: () => ['resources'] })).toBe('msi');
    expect(detectInstallKind({ ...base, record: { InstallKind: 'msi', InstallDir: 'D:\\Apps\\Tongban' }, listDir: () => ['resources'] })).toBe('unpacked');
    expect(detectInstallKind({ ...base, record: { InstallKind: 'msi' }, listDir: () => ['Uninstall 通办 Tongban.exe'] })).toBe('nsis');
    expect(detectInstallKind({ ...base, packaged: false, record: { InstallKind: 'msi' }, listDir: () => [] })).toBe('unpacked');
  });
});

describe('startUpdates', () => {
  function fakeUpdater() {
    const events = new EventEmitter();
    const calls: string[] = [];
    const updater: Updater = {
      channel: null,
      allowDowngrade: true,
      autoDownload: false,
      autoInstallOnAppQuit: false,
      setFeedURL: (o) => void calls.push(`feed ${o.url} ${o.channel}`),
      checkForUpdates: async () => void calls.push('check'),
      on: (event, listener) => events.on(event, listener),
    };
    return { updater, events, calls };
  }

  it("points electron-updater at the channel or IT's feed, never downgrades, and reports its progress", () => {
    const { updater, events, calls } = fakeUpdater();
    const logs: string[] = [];
    const status = startUpdates({ status: { mode: 'self', channel: 'beta' }, feed: { channel: 'beta', url: 'https://mirror.corp.example/tongban' } }, updater, (m) => logs.push(m));
    expect(calls).toEqual(['feed https://mirror.corp.example/tongban beta', 'check']);
    expect(updater).toMatchObject({ allowDowngrade: false, autoDownload: true, autoInstallOnAppQuit: true });
    events.emit('update-available', { version: '0.2.0' });
    expect(status()).toEqual({ mode: 'self', channel: 'beta', state: 'downloading', version: '0.2.0' });
    events.emit('update-downloaded', { version: '0.2.0' });
    expect(status()).toEqual({ mode: 'self', channel: 'beta', state: 'ready', version: '0.2.0' });
    events.emit('error', new Error('sha512 checksum mismatch\n at …'));
    expect(status()).toMatchObject({ state: 'failed' });
    expect(logs).toEqual(['update downloaded', 'update failed']);

    const plain = fakeUpdater();
    startUpdates({ status: { mode: 'self', channel: 'stable' }, feed: { channel: 'latest' } }, plain.updater, () => {});
    expect(plain.updater.channel).toBe('latest');
    expect(plain.calls).toEqual(['check']);
  });

  it('leaves electron-updater alone for MSI installs and when policy turned updates off', () => {
    const { updater, calls } = fakeUpdater();
    expect(startUpdates({ status: { mode: 'it' } }, updater, () => {})()).toEqual({ mode: 'it' });
    expect(startUpdates({ status: { mode: 'off', reason: 'policy' } }, updater, () => {})()).toEqual({ mode: 'off', reason: 'policy' });
    expect(calls).toEqual([]);
  });
});
