/**
 * 0002: service items (事项) with their guides, and the talent recruitment subsidy: applications, every signed
 * version, and the timeline. Frozen once merged. The subsidy guide is seeded from manual 001 §1.
 */
import type { Kysely } from 'kysely';

const subsidyGuide = {
  item: 'subsidy',
  name: '高层次和紧缺人才招聘补贴',
  summary:
    '企业通过猎头机构引进高层次和紧缺人才的，可在线申请招聘补贴。补贴申请信息包括企业基本信息、联系信息和引进人才信息以及附件信息，其中添加引进人才，支持添加多个。',
  conditions: [
    '申报单位已开通一网通办企业用户账号（法人用户）。',
    '引进的人才已与申报单位签订劳动合同，并在申报单位缴纳社会保险。',
    '通过猎头机构引进人才的，已实际支付猎头服务费并取得发票。',
    '同一人才已享受同类补贴的，须如实申报。',
  ],
  materials: [
    { requirement: 'businessLicence', name: '营业执照（加盖公章）', scope: 'application', required: 'always' },
    { requirement: 'applicationForm', name: '补贴申请表（加盖公章）', scope: 'application', required: 'always' },
    { requirement: 'headhuntingContract', name: '猎头服务协议', scope: 'application', required: 'headhunting' },
    { requirement: 'other', name: '其他证明材料', scope: 'application', required: 'optional' },
    { requirement: 'idDocument', name: '人才身份证件', scope: 'talent', required: 'always' },
    { requirement: 'diploma', name: '学历学位证书', scope: 'talent', required: 'always' },
    { requirement: 'laborContract', name: '劳动合同', scope: 'talent', required: 'always' },
    { requirement: 'socialInsurance', name: '社会保险缴纳证明', scope: 'talent', required: 'always' },
    { requirement: 'invoice', name: '猎头服务费发票', scope: 'talent', required: 'headhunting' },
    { requirement: 'paymentProof', name: '猎头服务费付款凭证', scope: 'talent', required: 'headhunting' },
    { requirement: 'titleCertificate', name: '职称或职业资格证书', scope: 'talent', required: 'optional' },
  ],
  policy:
    '企业进入系统，在线阅读申请说明，开始申请。请根据附件要求和提示上传相关证明材料，所有信息填写完成后，请确认提交。' +
    '补贴申请提交后，请耐心等待业务人员审核，审核状态请定期登录系统进行查看，如有退回，需及时根据审核意见修改后重新提交，' +
    '系统也会给予申请时选择的企业联系人邮件和短信提醒，敬请留意。公示期结束后，业务人员将正式启动资金拨付。',
  process: ['在线阅读申请说明', '填写企业、联系人和引进人才信息', '上传附件', '使用 CA 数字证书签名提交', '业务人员审核（受理、退回修改、核准或不予通过）', '公示', '资金拨付'],
};

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_items')
    .addColumn('item', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('guide_json', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('service_items')
    .values({ item: 'subsidy', name: subsidyGuide.name, guide_json: JSON.stringify(subsidyGuide), sort_order: 1 })
    .execute();

  await db.schema
    .createTable('subsidy_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('talent_count', 'integer', (c) => c.notNull())
    .addColumn('amount_requested_fen', 'integer')
    .addColumn('amount_approved_fen', 'integer')
    .addColumn('contact_mobile', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('return_json', 'text')
    .addColumn('publicity_start', 'text')
    .addColumn('publicity_end', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subsidy_applications_enterprise').on('subsidy_applications').columns(['enterprise_id', 'created_at']).execute();
  await db.schema.createIndex('subsidy_applications_status').on('subsidy_applications').columns(['status', 'submitted_at']).execute();

  await db.schema
    .createTable('subsidy_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('subsidy_applications.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload_sha256', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('cms', 'text', (c) => c.notNull())
    .addColumn('certificate_der', 'text', (c) => c.notNull())
    .addColumn('signature_json', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('subsidy_versions_application_version', ['application_id', 'version'])
    .execute();

  await db.schema
    .createTable('subsidy_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('subsidy_applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('details_json', 'text')
    .addUniqueConstraint('subsidy_events_application_seq', ['application_id', 'seq'])
    .execute();
}
