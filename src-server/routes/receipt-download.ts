/** Sends a receipt PDF (enterprise and finance downloads share it). */
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { ReceiptContent } from '@shared/contract/http/disbursement';
import { loadReceiptFont, renderReceiptPdf } from '../receipts/receipt-pdf';

export async function sendReceiptPdf(reply: FastifyReply, content: ReceiptContent, log: FastifyBaseLogger) {
  const { pdf, missing } = await renderReceiptPdf(content, await loadReceiptFont());
  if (missing.length > 0) log.warn({ receiptNumber: content.receiptNumber, missing }, 'receipt printed with characters the font lacks');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="receipt-${content.receiptNumber}.pdf"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(pdf));
}
