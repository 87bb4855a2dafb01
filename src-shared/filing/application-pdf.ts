/**
 * The application form of a construction filing (小型建设工程开工备案申请表) as a PDF, generated from the payload the
 * clerk typed. The desk generates it to preview and sign; the server generates it again at submission and requires
 * the signed PDF to be exactly these bytes plus incremental signature updates. So nothing here may depend on the
 * clock, randomness or the machine: the dates come from `preparedOn`, the font subset's tag and the trailer /ID
 * from the filing's and the submission's ids, and the same font file is used on both sides.
 */
import { PDFHexString, type PDFArray } from 'pdf-lib';
import type { FilingPayload, StructureType } from '../contract/http/filing';
import { fenToFigures } from '../money/capital';
import { GREY, MM, PrintDocument, TYPE_SIZE, type Rect } from '../pdf';

/**
 * Where the signature's visible appearance goes (page index 0, PDF points from the bottom left): the box printed
 * under 申请单位（签章）. The desk passes it to `signPdf` as the signature placement.
 */
export const FILING_SIGNATURE_PLACEMENT: { page: number; rect: Rect } = {
  page: 0,
  rect: { x: 105 * MM, y: 22 * MM, width: 80 * MM, height: 36 * MM },
};

export const STRUCTURE_TYPE_LABELS: Record<StructureType, string> = {
  brickConcrete: '砖混结构',
  frame: '框架结构',
  steel: '钢结构',
  wood: '木结构',
  other: '其他',
};

/** A character the font lacks prints as 〓 (as on receipts), the same on the desk and the server. */
const MISSING_GLYPH = '\u3013';

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** Six capital letters from the filing's id (PDF 32000 §9.6.4 only asks that they differ between subsets). */
const subsetTagOf = (id: string) =>
  [...id.replace(/-/g, '').slice(0, 6)].map((c) => String.fromCharCode(65 + (parseInt(c, 16) % 26))).join('');

const area = (m2: number) => `${m2.toLocaleString('en-US', { maximumFractionDigits: 2 })} 平方米`;

export async function filingApplicationPdf(fontBytes: Uint8Array, payload: FilingPayload): Promise<Uint8Array> {
  const { project: p, enterprise: e, contact: c } = payload;
  const doc = await PrintDocument.create(fontBytes, {
    title: '小型建设工程开工备案申请表',
    subject: p.name,
    author: e.name,
    createdAt: new Date(`${payload.preparedOn}T00:00:00+08:00`),
    subsetTag: subsetTagOf(payload.filingId),
  });
  const clean = (s: string) => {
    const missing = new Set(doc.missingCharacters(s));
    return missing.size ? [...s].map((ch) => (missing.has(ch) ? MISSING_GLYPH : ch)).join('') : s;
  };
  const f = (label: string, value: string) => ({ label, value: clean(value) });
  const party = (x: { name: string; uscc: string } | null) => (x ? `${x.name}（${x.uscc}）` : '无');

  const page = doc.addPage({ header: '苏州工业园区一网通办', footer: '小型建设工程开工备案申请表' });
  page.title('小型建设工程开工备案申请表', { subtitle: `填报日期：${chineseDate(payload.preparedOn)}` });
  page.table(
    [
      { section: '一、申请人' },
      { fields: [f('申请单位', e.name)] },
      { fields: [f('统一社会信用代码', e.uscc)] },
      { fields: [f('联系人', c.name), f('联系电话', c.mobile)] },
      { fields: [f('电子邮箱', c.email)] },
      { section: '二、工程概况' },
      { fields: [f('工程名称', p.name)] },
      { fields: [f('工程地址', p.address)] },
      { fields: [f('规划许可证号', p.planningPermitNumber), f('结构类型', STRUCTURE_TYPE_LABELS[p.structureType])] },
      { fields: [f('建筑面积', area(p.floorAreaM2)), f('工程造价', `${fenToFigures(p.costFen)} 元`)] },
      { fields: [f('计划开工日期', chineseDate(p.plannedStart)), f('计划竣工日期', chineseDate(p.plannedEnd))] },
      { section: '三、参建单位' },
      { fields: [f('建设单位', party(p.constructionUnit))] },
      { fields: [f('施工单位', party(p.contractor))] },
      { fields: [f('监理单位', party(p.supervisor))] },
      { fields: [f('施工合同编号', p.contractNumber)] },
      { fields: [f('项目负责人', p.projectManager.name), f('负责人电话', p.projectManager.mobile)] },
    ],
    { labelWidth: 30 * MM },
  );
  page.space(4 * MM);
  page.paragraph(
    '本单位承诺：所填信息及提交的材料真实、有效；本工程属限额以下小型建设工程，将按照国家和省市有关规定组织施工，落实质量安全责任。',
    { indent: true, size: TYPE_SIZE.body },
  );
  const { rect } = FILING_SIGNATURE_PLACEMENT;
  // The signature box must stay free: the table above it would otherwise run into the seal.
  if (page.y < rect.y + rect.height + 8 * MM) throw new Error('construction filing form overflows the signature box');
  page.text('申请单位（签章）：', rect.x, rect.y + rect.height + 4 * MM);
  page.page.drawRectangle({ ...rect, borderWidth: 0.5, borderColor: GREY, borderDashArray: [3, 3] });
  page.text(`日期：${chineseDate(payload.preparedOn)}`, rect.x, rect.y - 5 * MM, { size: TYPE_SIZE.small });

  // A stable /ID (PDF 32000 §14.4): both halves from ids in the payload, so the server's copy matches the desk's.
  const id = (hex: string) => PDFHexString.of(hex.replace(/-/g, ''));
  doc.pdf.context.trailerInfo.ID = doc.pdf.context.obj([id(payload.filingId), id(payload.idempotencyKey)]) as PDFArray;
  return doc.save();
}
