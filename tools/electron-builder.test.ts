import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { addInstallRecord } from './msi-project.mjs';
import sign, { signtoolArgs } from './sign-windows.mjs';

const root = path.resolve(import.meta.dirname, '..');
// electron-builder's own template engine for the MSI project (it ships no types).
const ejs = createRequire(import.meta.url)('ejs') as { render(template: string, data: object): string };

// The installers are built on a Windows machine that can download Electron, never here (the Windows workflow
// builds, installs and launches them); this keeps the configuration valid against electron-builder's own schema
// and holds the promises the packaging relies on.
describe('electron-builder.yml', () => {
  it('is valid and builds Windows x64 NSIS and MSI installers with the native modules unpacked and signed', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();

    expect(config.win?.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
    const unpacked = ([] as string[]).concat(config.asarUnpack ?? []);
    expect(unpacked).toEqual(expect.arrayContaining(['**/node_modules/pkcs11js/**', '**/node_modules/better-sqlite3/**']));
    expect(config.win?.signExts).toEqual(['.node']);
    expect(config.win?.signtoolOptions).toMatchObject({ sign: 'tools/sign-windows.mjs', signingHashAlgorithms: ['sha256'], publisherName: [expect.any(String)] });
    expect(config.win?.verifyUpdateCodeSignature).toBe(true);
    // Per-machine both; the MSI's upgrade code is fixed forever (a new one would install a second product).
    expect(config.nsis).toMatchObject({ perMachine: true, deleteAppDataOnUninstall: false, include: 'assets/installer/installer.nsh' });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: '3E4AB3D5-0B3B-4E68-9D88-68FB15327779', runAfterFinish: false });
    expect(config.msiProjectCreated).toBe('tools/msi-project.mjs');
    expect(config.publish).toMatchObject({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) });
    // Fuses are flipped by our afterPack hook (tools/after-pack.test.ts), not twice by electron-builder.
    expect(config.afterPack).toBe('tools/after-pack.mjs');
    expect(config.electronFuses ?? null).toBeNull();
  });

  it('has the NSIS include write /SERVER= and /PORTAL= into seed-settings.json and purge only on /PURGE', () => {
    const nsh = readFileSync(path.join(root, 'assets/installer/installer.nsh'), 'utf8');
    expect(nsh).toMatch(/\/SERVER=[\s\S]*\/PORTAL=[\s\S]*seed-settings\.json/);
    const uninstall = nsh.slice(nsh.indexOf('!macro customUnInstall'));
    expect(uninstall).toMatch(/\$\{IfNot\} \$\{isUpdated\}[\s\S]*"\/PURGE"[\s\S]*RMDir \/r "\$APPDATA\\\$\{PRODUCT_NAME\}"/);
  });

  it("adds SERVER, PORTAL and the install record to electron-builder's WiX project, still well-formed", () => {
    // Rendered as MsiTarget renders it (ejs after the same delimiter swap), with this configuration's options.
    const template = readFileSync(path.join(root, 'node_modules/app-builder-lib/templates/msi/template.xml'), 'utf8')
      .replace(/{{/g, '<%')
      .replace(/}}/g, '%>')
      .replace(/\${([^}]+)}/g, '<%=$1%>');
    const rendered = ejs.render(template, {
      productName: '通办 Tongban', upgradeCode: '3E4AB3D5-0B3B-4E68-9D88-68FB15327779', version: '0.1.0.0', manufacturer: 'Tongban', compressionLevel: 'high',
      iconPath: null, iconId: 'icon', isRunAfterFinish: false, isAssisted: false, isPerMachine: true, isCreateDesktopShortcut: true, isCreateStartMenuShortcut: true,
      programFilesId: 'ProgramFiles64Folder', installationDirectoryWixName: '通办 Tongban', menuCategory: null, dirs: '', files: '<Component Id="c0"><File Id="mainExecutable" Source="x.exe"/></Component>',
    });
    const errors: string[] = [];
    const project = addInstallRecord(rendered);
    const doc = new DOMParser({ errorHandler: { warning: () => {}, error: (m) => errors.push(m), fatalError: (m) => errors.push(m) } }).parseFromString(project, 'text/xml');
    expect(errors).toEqual([]);
    const byId = (tag: string) => Array.from(doc.getElementsByTagName(tag)).map((e) => e.getAttribute('Id') ?? e.getAttribute('Name'));
    expect(byId('Property')).toEqual(expect.arrayContaining(['SERVER', 'PORTAL']));
    expect(byId('ComponentRef')).toEqual(['TongbanInstallRecord', 'TongbanSeedServer', 'TongbanSeedPortal']);
    // Where seed-settings.ts and update-decision.ts read them.
    const values = Array.from(doc.getElementsByTagName('RegistryValue')).map((e) => `${e.getAttribute('Name')}=${e.getAttribute('Value')}`);
    expect(values).toEqual(['InstallKind=msi', 'InstallDir=[APPLICATIONFOLDER]', 'ServerUrl=[SERVER]', 'Portal=[PORTAL]']);
    expect(Array.from(doc.getElementsByTagName('RegistryKey')).map((e) => `${e.getAttribute('Root')}\\${e.getAttribute('Key')}`)).toEqual(['HKLM\\SOFTWARE\\Tongban']);
    expect(() => addInstallRecord('<Wix/>')).toThrow(/unexpected WiX template/);
  });
});

describe('the signing hook', () => {
  const sha1 = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';

  it('signs with the token certificate named by thumbprint, SHA-256 and an RFC 3161 time-stamp', () => {
    expect(signtoolArgs('C:\\out\\a.exe', { TONGBAN_SIGN_CERT_SHA1: sha1 })).toEqual(['sign', '/fd', 'sha256', '/tr', 'http://timestamp.digicert.com', '/td', 'sha256', '/d', '通办 Tongban', '/sha1', sha1, 'C:\\out\\a.exe']);
    expect(signtoolArgs('a.exe', { TONGBAN_SIGN_CERT_FILE: 'C:\\sign\\tongban.cer', TONGBAN_SIGN_CSP: 'Luna Cryptographic Services for Microsoft Windows', TONGBAN_SIGN_KEY_CONTAINER: 'tongban-2026' })).toEqual(expect.arrayContaining(['/f', 'C:\\sign\\tongban.cer', '/csp', 'Luna Cryptographic Services for Microsoft Windows', '/kc', 'tongban-2026']));
    expect(() => signtoolArgs('a.exe', { TONGBAN_SIGN_CERT_SHA1: 'not-a-thumbprint' })).toThrow(/thumbprint/);
    expect(signtoolArgs('a.exe', {})).toBeNull();
  });

  it('fails a release without a certificate, and never shows the token PIN', async () => {
    await expect(sign({ path: 'a.exe' }, { TONGBAN_SIGN_REQUIRED: '1' })).rejects.toThrow(/no certificate configured/);
    const env = { TONGBAN_SIGN_CERT_SHA1: sha1, TONGBAN_SIGN_CSP: 'eToken Base Cryptographic Provider', TONGBAN_SIGN_KEY_CONTAINER: '[{{PIN}}]=te-1234', TONGBAN_SIGN_TOKEN_PIN: '8765-secret' };
    let seen: string[] = [];
    const failing = (_file: string, args: string[]) => {
      seen = args;
      throw Object.assign(new Error('exit 1'), { stderr: 'SignTool Error: key container [8765-secret]=te-1234 not found' });
    };
    const error = await sign({ path: 'C:\\out\\a.exe' }, env, failing).catch((e: Error) => e);
    expect(seen).toContain('[8765-secret]=te-1234');
    expect(String(error)).toMatch(/signtool failed for a\.exe/);
    expect(String(error)).not.toContain('8765-secret');
  });
});
