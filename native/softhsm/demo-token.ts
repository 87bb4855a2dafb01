/**
 * Demo tokens for trying Tongban without a CA USB key.
 *
 *   npx tsx native/softhsm/demo-token.ts
 *
 * Copies the test tokens to ${TONGBAN_DATA_DIR:-./data}/demo-token/ (reset on every run) with their own
 * softhsm2.conf, puts the test CA roots where the server reads trust roots (<data>/trust/<profile>/root.pem),
 * and prints what to set.
 */
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { installTokens } from './install.js';
import { defaultTokenLabels } from './manifest.js';
import { ensureSnapshot } from './provision.js';
import { SOFTHSM_MODULE_PATH, USER_PIN } from './profiles.js';
import { renderSoftHsmConf } from './token-ops.js';

const USCC_PLACE: Record<string, string> = {
  'gmt0015-2023': 'GM/T 0015-2023 ext 1.2.156.10260.4.4',
  'gmt0015-2012-4.1.4': 'GM/T 0015-2012 ext 1.2.156.10260.4.1.4',
  'subject-serialNumber': 'subject serialNumber',
  'subject-OU': 'subject OU',
};

/** The demo enterprise that has no key: it registers by online pre-registration (README "Online pre-registration"). */
const DEMO_PRE_REGISTRATION = { uscc: '91320594MA1YY8Q29X', name: '苏州园区无Key示范有限公司' };

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.TONGBAN_DATA_DIR ?? './data');
  const demoDir = path.join(dataDir, 'demo-token');
  const snapshot = await ensureSnapshot({ log: (m) => console.log(m) });
  // The demo keys: one per enterprise (a renewal and the key tests revoke are installed only when named).
  const installed = new Set(defaultTokenLabels(snapshot));
  const manifest = { ...snapshot, tokens: snapshot.tokens.filter((t) => installed.has(t.label)) };

  // Install next to the target and swap, so a half-written demo token directory is never left behind.
  await mkdir(dataDir, { recursive: true });
  const staging = await mkdtemp(path.join(dataDir, '.demo-token-'));
  const { conf: stagingConf } = await installTokens(manifest, staging);
  // The conf must name the token directory where it will end up, not the staging one.
  await writeFile(stagingConf, renderSoftHsmConf(path.join(demoDir, 'tokens')));
  await rm(demoDir, { recursive: true, force: true });
  await rename(staging, demoDir);
  const conf = path.join(demoDir, path.basename(stagingConf));

  for (const root of Object.values(manifest.roots)) {
    const trustDir = path.join(dataDir, 'trust', root.profile);
    await mkdir(trustDir, { recursive: true });
    await copyFile(root.certPath, path.join(trustDir, 'root.pem'));
  }
  // The demo enterprises in the legal-person registry, so registering with a demo key succeeds (except the
  // expired and code-less keys, which the server refuses as it would refuse real ones). `npm start` imports it.
  const registry = path.join(dataDir, 'demo-registry.csv');
  const rows = manifest.tokens.flatMap((t) => (t.kind === 'issued' && t.uscc ? [`${t.uscc},"${t.enterpriseName}",张伟,居民身份证,11010519491231002X,"江苏省苏州市工业园区星湖街328号",active`] : []));
  // An enterprise without any key, for online pre-registration: its legal representative 张伟 is one of the
  // persons the server's SimulatedIdentityVerifier knows (demo-identity.csv, mobile 13812341234).
  rows.push(`${DEMO_PRE_REGISTRATION.uscc},"${DEMO_PRE_REGISTRATION.name}",张伟,居民身份证,11010519491231002X,"江苏省苏州市工业园区星湖街328号",active`);
  await writeFile(registry, ['uscc,name,legalRepresentative,idType,idNumber,address,status', ...rows].join('\n') + '\n');
  const identity = path.join(dataDir, 'demo-identity.csv');
  await writeFile(identity, 'name,idNumber,mobile\n张伟,11010519491231002X,13812341234\n');

  console.log(`
演示用 USB Key 已就绪 / Demo tokens ready: ${demoDir}
CA 根证书 / trust roots: ${path.join(dataDir, 'trust')}/<profile>/root.pem

请设置环境变量 / Set these environment variables:
  export SOFTHSM2_CONF=${conf}
  export TONGBAN_PKCS11_MODULES=${SOFTHSM_MODULE_PATH}

用户 PIN / user PIN: ${USER_PIN}   (所有 Key 相同 / same for every token)

Key 标签 / token label   统一社会信用代码 / USCC     企业 / enterprise`);
  for (const t of manifest.tokens) {
    if (t.kind !== 'issued') {
      console.log(`  ${t.label.padEnd(18)} (空 Key / empty token)`);
      continue;
    }
    const where = t.usccSource ? USCC_PLACE[t.usccSource] : '无 / none';
    const note = t.expired ? '  [证书已过期 / certificate expired]' : '';
    console.log(`  ${t.label.padEnd(18)} ${(t.uscc ?? '-').padEnd(20)} ${t.enterpriseName} (${where})${note}`);
  }
  console.log(`\n推荐 / start with: JSCA-RSA-0001, USCC 91320594MA1MXK3R3C
法人库演示数据 / demo registry: ${registry}（法定代表人 / legal representative: 张伟）
线上预注册 / online pre-registration: ${DEMO_PRE_REGISTRATION.name} ${DEMO_PRE_REGISTRATION.uscc}，法定代表人 张伟 11010519491231002X 13812341234（模拟身份核验 / simulated identity service: ${identity}）
卡式电子营业执照 / card e-licence: ELIC-CARD-0001（电子营业执照（卡），苏州执照示范科技有限公司 91320594MA1X0E1C1D）— CA 登录页签插入即用，登录为法定代表人（super）/ sign in on the CA tab, lands as super
\`npm start\` 会自动使用演示 Key 和演示法人库 / picks up the demo keys and registry by itself.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
