/**
 * 0003: disbursement of the talent recruitment subsidy (manual 001 §2): one disbursement per application (keyed by
 * the application id) with its receipt number, employment certificates (every upload kept), the enterprise's saved
 * bank accounts and receipt contacts (soft-deleted: a disbursement keeps the snapshot it chose), one-time phone
 * links (only a SHA-256 of the token is stored), and the per-year receipt number counter. Frozen once merged.
 */
import type { Kysely } from 'kysely';

const disbursementGuide = {
  item: 'disbursement',
  name: '人才资金拨付申请',
  summary:
    '高层次和紧缺人才招聘补贴公示期结束后，业务人员启动资金拨付。企业在待拨付资金列表中找到本资金事项，上传人才在职证明，确认银行账户和联系人，打印收据并加盖财务章或公章后上传。',
  conditions: ['补贴申请已审核通过并完成公示。', '银行账户须为以本企业名义开立的对公账户。'],
  materials: [
    { requirement: 'employmentCertificate', name: '人才最新在职证明', scope: 'talent', required: 'always' },
    { requirement: 'stampedReceipt', name: '加盖财务章或公章的收据', scope: 'application', required: 'always' },
  ],
  policy:
    '公示期结束后，业务人员将正式启动资金拨付。根据系统提示上传最新的人才在职证明，然后确认银行账户信息和联系人信息，' +
    '下载收据 PDF 打印，在“收款单位（盖章）”处加盖财务章或者企业公章，再在电脑上上传，或用手机扫描二维码拍照上传（拍照框与收据虚线裁剪框对齐）。',
  process: ['上传人才在职证明', '确认银行账户和联系人', '下载并打印收据', '加盖财务章或公章', '上传盖章收据（电脑或手机拍照）', '财务审核', '资金拨付'],
};

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('service_items')
    .values({ item: 'disbursement', name: disbursementGuide.name, guide_json: JSON.stringify(disbursementGuide), sort_order: 2 })
    .execute();

  await db.schema
    .createTable('bank_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('branch_name', 'text', (c) => c.notNull())
    .addColumn('cnaps_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('bank_accounts_enterprise').on('bank_accounts').columns(['enterprise_id', 'created_at']).execute();

  await db.schema
    .createTable('finance_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('finance_contacts_enterprise').on('finance_contacts').columns(['enterprise_id', 'created_at']).execute();

  await db.schema
    .createTable('receipt_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('disbursements')
    .addColumn('application_id', 'text', (c) => c.primaryKey().references('subsidy_applications.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('bank_account_id', 'text', (c) => c.references('bank_accounts.id'))
    .addColumn('bank_account_json', 'text')
    .addColumn('contact_id', 'text', (c) => c.references('finance_contacts.id'))
    .addColumn('contact_json', 'text')
    .addColumn('receipt_content_json', 'text')
    .addColumn('stamped_sha256', 'text')
    .addColumn('stamped_source', 'text')
    .addColumn('stamped_submitted_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disbursements_enterprise').on('disbursements').columns(['enterprise_id', 'opened_at']).execute();

  await db.schema
    .createTable('employment_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('disbursements.application_id'))
    .addColumn('talent_index', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('employment_certificates_talent_seq', ['application_id', 'talent_index', 'seq'])
    .execute();

  await db.schema
    .createTable('receipt_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('disbursements.application_id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('photo_sha256', 'text')
    .execute();
  await db.schema.createIndex('receipt_links_application').on('receipt_links').columns(['application_id', 'created_at']).execute();
}
