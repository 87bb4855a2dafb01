/**
 * The forms an enterprise prints, stamps with its official seal and uploads when it registers (manual 001,
 * 苏州工业园区一网通办企业用户注册说明 step 2): the registration table, the administrator filing sheet and the user
 * agreement — and, for online pre-registration, the authorisation letter — prefilled from the registration form,
 * one page each (which ones: the contract's `printedForms`). Nothing is masked: it is the enterprise's own printout.
 */
import type { RegistrationForm } from '@shared/contract/client-api';
import { preRegistrationRequirements } from '@shared/contract/http/pre-registration';
import { printedForms, registrationRequirements, type PrintableForm } from '@shared/contract/http/registration';
import { DATE_LINE, MM, PrintDocument, TYPE_SIZE } from '@shared/pdf';
import type { PrintPage } from '@shared/pdf';

const PORTAL = '苏州工业园区一网通办';
const SEAL = '企业（盖章）';
const HEADER = `${PORTAL} · 法人用户实名注册`;

const CA_CHOICES: Array<{ profile: RegistrationForm['caProfile']; label: string }> = [
  { profile: 'jiangsu-ca', label: '江苏CA（税务数字证书）' },
  { profile: 'suzhou-ca', label: '苏州CA（公积金数字证书）' },
];

function caChoice(profile: RegistrationForm['caProfile']): string {
  return CA_CHOICES.map((c) => `${c.profile === profile ? '■' : '□'} ${c.label}`).join('　　');
}

function orBlank(value: string | undefined): string {
  return value?.trim() ?? '';
}

/**
 * How the enterprise is verified: with a CA key (registration) or by the legal representative's identity and the
 * registry (online pre-registration, which prints the same forms to stamp).
 */
export type RegistrationWay = 'ca' | 'preRegistration';

/** The forms a way prints: the printable ones among the scans its upload step asks for. */
export function formsPrinted(way: RegistrationWay): PrintableForm[] {
  return printedForms(way === 'ca' ? registrationRequirements : preRegistrationRequirements);
}

function registrationTable(page: PrintPage, { enterprise, administrator, caProfile }: RegistrationForm, way: RegistrationWay): void {
  page.title('企业注册登记表', { subtitle: `${PORTAL}企业用户实名注册` });
  page.table([
    { section: '一、企业基本信息' },
    { fields: [{ label: '企业名称', value: enterprise.name }] },
    { fields: [{ label: '统一社会信用代码', value: enterprise.uscc }] },
    { fields: [{ label: '注册地址', value: enterprise.address }], minHeight: 40 },
    { fields: [{ label: '法定代表人', value: enterprise.legalRepresentative }] },
    { fields: [{ label: '实名认证方式', value: way === 'preRegistration' ? '■ 线上预注册（法定代表人身份核验，审核通过后开通账号）' : caChoice(caProfile) }] },
    { section: '二、企业管理员信息' },
    { fields: [{ label: '管理员姓名', value: administrator.name }] },
    { fields: [{ label: '身份证号码', value: administrator.idNumber }, { label: '手机号码', value: administrator.mobile }] },
    { fields: [{ label: '电子邮箱', value: orBlank(administrator.email) }] },
    { section: '三、注册账号' },
    {
      fields: [{
        label: '开通账号',
        value: '企业管理员账号 admin、企业超级用户账号 super。注册成功后，两个账号的初始密码以短信发送至上述管理员手机号码，首次登录须修改密码。',
      }],
    },
    {
      label: '企业承诺',
      text: '本企业承诺：以上填报信息真实、准确、完整，所提交的证件材料与原件一致；如有虚假，本企业愿承担相应的法律责任。',
      sign: [SEAL, '法定代表人（签字）：', DATE_LINE],
      height: 130,
      maxHeight: 190,
    },
  ], { reserveBelow: 12 * MM });
  page.space(3 * MM).paragraph('注：本表打印后由法定代表人签字、加盖企业公章，扫描或拍照后在注册页面上传。', { size: TYPE_SIZE.small });
}

function administratorFiling(page: PrintPage, { enterprise, administrator }: RegistrationForm): void {
  page.title('企业管理员备案表', { subtitle: `${PORTAL}企业用户实名注册` });
  page.table([
    { section: '一、企业信息' },
    { fields: [{ label: '企业名称', value: enterprise.name }] },
    { fields: [{ label: '统一社会信用代码', value: enterprise.uscc }] },
    { section: '二、管理员信息' },
    { fields: [{ label: '管理员姓名', value: administrator.name }] },
    { fields: [{ label: '证件类型', value: '居民身份证' }, { label: '证件号码', value: administrator.idNumber }] },
    { fields: [{ label: '手机号码', value: administrator.mobile }, { label: '管理员账号', value: 'admin' }] },
    { fields: [{ label: '电子邮箱', value: orBlank(administrator.email) }] },
    {
      fields: [{
        label: '管理员职责',
        value: '代表本企业管理一网通办账号：新增经办人并分配事项权限，维护企业信息，协助超级用户（super）重置密码。管理员变更时，本企业应重新提交授权委托书及新管理员身份证复印件。',
      }],
    },
    { section: '三、管理员身份证复印件（正反面，加盖公章）' },
    { paste: ['身份证人像面复印件粘贴处', '身份证国徽面复印件粘贴处'], height: 54 * MM },
    { label: '确认', text: '以上管理员信息经本企业确认属实。', sign: [SEAL, '管理员（签字）：', DATE_LINE], height: 120, maxHeight: 160 },
  ], { reserveBelow: 6 * MM });
}

function authorisationLetter(page: PrintPage, { enterprise, administrator }: RegistrationForm): void {
  page.title('授权委托书', { size: 20 });
  page.space(2 * MM);
  page.table([
    { fields: [{ label: '委托单位', value: enterprise.name }] },
    { fields: [{ label: '统一社会信用代码', value: enterprise.uscc }] },
    { fields: [{ label: '法定代表人', value: enterprise.legalRepresentative }] },
    { fields: [{ label: '受托人（管理员）', value: administrator.name }] },
    { fields: [{ label: '身份证号码', value: administrator.idNumber }, { label: '手机号码', value: administrator.mobile }] },
  ]);
  page.space(8 * MM);
  page.paragraph(`${PORTAL}：`, { size: TYPE_SIZE.heading - 2 });
  const p = { indent: true, size: 11.5 };
  page.paragraph(
    `兹委托${administrator.name}（身份证号码：${administrator.idNumber}）为${enterprise.name}（统一社会信用代码：${enterprise.uscc}）在${PORTAL}的企业管理员，代表本单位办理以下事项：`,
    p,
  );
  page.paragraph('一、办理本单位一网通办法人用户实名注册，提交注册信息和证件材料，接收注册短信验证码及账号密码；', p);
  page.paragraph('二、管理本单位一网通办账号：新增经办人、分配事项权限、维护企业信息、协助重置超级用户密码；', p);
  page.paragraph('三、以本单位名义在一网通办办理业务，提交申请材料并使用本单位数字证书签名。', p);
  page.paragraph('受托人在上述权限内办理的事项及签署的文件，本单位均予以承认，并承担相应的法律责任。受托人无转委托权。', p);
  page.paragraph('委托期限：自本委托书签署之日起，至本单位书面撤销授权或办理管理员变更之日止。', p);
  page.space(10 * MM);
  page.signatures([
    ['委托单位（盖章）：', `法定代表人（签字）：`, DATE_LINE],
    ['受托人（签字）：', '', DATE_LINE],
  ]);
}

const AGREEMENT_CLAUSES = [
  '一、真实信息。用户应提供真实、准确、完整的企业信息和管理员信息，并上传加盖公章的证件材料；信息发生变化（如企业名称、地址或管理员变更）的，应及时按平台要求申请更新。',
  '二、账号安全。注册成功后开通企业管理员账号（admin）和企业超级用户账号（super），初始密码以短信发送至管理员手机，首次登录须修改。用户应妥善保管账号、密码、数字证书及其口令（PIN），因保管不善造成的后果由用户承担。',
  '三、数字证书与电子签名。用户使用江苏CA或苏州CA数字证书完成实名认证，并对提交的申请进行电子签名。依据《中华人民共和国电子签名法》，可靠的电子签名与手写签名或者盖章具有同等的法律效力，经用户数字证书签名的申请视为用户本单位的行为。',
  '四、合法使用。用户不得提交虚假材料、冒用他人身份或数字证书，不得干扰平台正常运行；违反的，平台可暂停或注销其账号，并依法移交有关部门处理。',
  '五、个人信息保护。平台收集管理员的姓名、身份证号码、手机号码和电子邮箱，仅用于身份核验、账号管理、业务办理和通知，依法采取安全措施保护，不向无关第三方提供。',
  '六、生效。本协议经用户加盖公章、法定代表人或其授权代表签字并提交注册申请后生效；用户注销账号后终止，注销前已办理的业务不受影响。',
];

function agreement(page: PrintPage, { enterprise }: RegistrationForm): void {
  page.title('用户实名注册及使用协议', { subtitle: PORTAL });
  page.paragraph(
    `为规范${PORTAL}（以下简称“平台”）法人用户的实名注册和使用，保障用户和平台的合法权益，注册用户（以下简称“用户”）与平台就以下事项达成协议：`,
    { indent: true },
  );
  for (const clause of AGREEMENT_CLAUSES) page.paragraph(clause, { indent: true, after: 3 });
  page.space(4 * MM);
  page.paragraph('用户已仔细阅读并同意遵守本协议。', { indent: true });
  page.table([
    { fields: [{ label: '用户（企业名称）', value: enterprise.name }] },
    { fields: [{ label: '统一社会信用代码', value: enterprise.uscc }] },
    { sign: [SEAL, '法定代表人或授权代表（签字）：', DATE_LINE], height: 118, maxHeight: 160 },
  ], { reserveBelow: 6 * MM });
}

/** The way's forms, one A4 page each, in one PDF; `fontBytes` is the CJK subset font (see `loadFormFont`). */
export async function renderRegistrationForms(form: RegistrationForm, fontBytes: Uint8Array, way: RegistrationWay = 'ca'): Promise<Uint8Array> {
  const doc = await PrintDocument.create(fontBytes, {
    title: `企业注册材料 - ${form.enterprise.name}`,
    subject: `${PORTAL}企业用户实名注册：企业注册登记表、企业管理员备案表、授权委托书、用户实名注册及使用协议`,
    keywords: [form.enterprise.uscc, '企业注册登记表', '管理员备案表', '授权委托书', '用户注册协议'],
  });
  const pages: Record<PrintableForm, [string, (page: PrintPage, form: RegistrationForm, way: RegistrationWay) => void]> = {
    registrationTable: ['企业注册登记表', registrationTable],
    adminFilingSheet: ['企业管理员备案表', administratorFiling],
    authorisationLetter: ['授权委托书', authorisationLetter],
    agreement: ['用户实名注册及使用协议', agreement],
  };
  // Exactly what the way's upload step asks for (the contract's one list), in the contract's order.
  for (const [name, draw] of formsPrinted(way).map((f) => pages[f])) {
    draw(doc.addPage({ header: HEADER, footer: `${name}\u3000统一社会信用代码：${form.enterprise.uscc}` }), form, way);
  }
  return doc.save();
}
