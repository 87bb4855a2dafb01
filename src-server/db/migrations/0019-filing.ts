/**
 * 0019: construction filings (小型建设工程开工备案, manual 002, issue 15): the service item with its guide, the
 * filings, every submitted version with its signed PDF and the signatures as verified, and the timeline. Frozen
 * once merged.
 */
import type { Kysely } from 'kysely';

/**
 * The guide. Conditions and materials follow the filing practice for projects below the construction-permit
 * limits (建筑工程施工许可管理办法 art. 2: under ¥300,000 or 300 m²) in Jiangsu and Suzhou; the README says what was
 * chosen and why.
 */
const filingGuide = {
  item: 'constructionFiling',
  name: '小型建设工程开工备案',
  summary:
    '工程投资额在30万元以下或者建筑面积在300平方米以下的小型建设工程，无需办理建筑工程施工许可证，由建设单位在开工前在线办理开工备案。' +
    '在线填写申请人基本信息和工程信息、上传申请材料，点击“生成申请表”由系统根据填写的信息自动生成申请表，使用CA数字证书签章后提交审核。',
  conditions: [
    '申请单位已开通一网通办企业用户账号（法人用户），并持有江苏CA或苏州CA数字证书。',
    '工程投资额在30万元以下或者建筑面积在300平方米以下（限额以下小型建设工程）。',
    '已取得建设工程规划许可证或其他规划、用地证明文件。',
    '已确定施工单位并签订施工合同，施工单位具备相应资质，已明确项目负责人。',
    '有满足施工需要的施工图纸及技术资料，已落实质量安全措施。',
  ],
  materials: [
    { requirement: 'applicationForm', name: '小型建设工程开工备案申请表（系统生成，CA签章）', scope: 'application', required: 'always' },
    { requirement: 'planningPermit', name: '建设工程规划许可证或其他规划、用地证明文件', scope: 'application', required: 'always' },
    { requirement: 'constructionContract', name: '施工合同', scope: 'application', required: 'always' },
    { requirement: 'constructionDrawings', name: '施工图纸或设计文件', scope: 'application', required: 'always' },
    { requirement: 'safetyCommitment', name: '工程质量安全承诺书（建设单位、施工单位盖章）', scope: 'application', required: 'always' },
    { requirement: 'supervisionContract', name: '监理合同（委托监理的工程）', scope: 'application', required: 'optional' },
    { requirement: 'other', name: '其他材料', scope: 'application', required: 'optional' },
  ],
  policy:
    '法定依据：《中华人民共和国建筑法》第七条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）第二条。' +
    '承诺时限：5个工作日。审核通过即完成备案；如有退回，请根据审核意见修改后重新生成申请表、签章并提交，系统将以短信和邮件通知联系人。',
  process: ['阅读办事指南', '填写申请人和工程信息', '上传申请材料', '生成申请表并预览', '签章（江苏CA）', '提交，等待审核（退回修改、通过或不予通过）'],
};

// Migrations take Kysely<any> on purpose: they are frozen in time and must not follow today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('service_items').values({ item: 'constructionFiling', name: filingGuide.name, guide_json: JSON.stringify(filingGuide), sort_order: 3 }).execute();

  await db.schema
    .createTable('construction_filings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('project_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('contact_mobile', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('return_json', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('construction_filings_enterprise').on('construction_filings').columns(['enterprise_id', 'created_at']).execute();
  await db.schema.createIndex('construction_filings_status').on('construction_filings').columns(['status', 'submitted_at']).execute();

  await db.schema
    .createTable('construction_filing_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filing_id', 'text', (c) => c.notNull().references('construction_filings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_size', 'integer', (c) => c.notNull())
    .addColumn('signatures_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('construction_filing_versions_filing_version', ['filing_id', 'version'])
    .execute();

  await db.schema
    .createTable('construction_filing_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filing_id', 'text', (c) => c.notNull().references('construction_filings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('details_json', 'text')
    .addUniqueConstraint('construction_filing_events_filing_seq', ['filing_id', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('construction_filing_events').execute();
  await db.schema.dropTable('construction_filing_versions').execute();
  await db.schema.dropTable('construction_filings').execute();
  await db.deleteFrom('service_items').where('item', '=', 'constructionFiling').execute();
}
