import { BankOutlined, ContactsOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BankAccount, DisbursementView, FinanceContact } from '@shared/contract/http/disbursement';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useDisbursement } from '../../state/disbursement';
import { checkBankAccount, checkContact, emptyBankAccount, emptyContact, groupDigits, type BankAccountForm, type ContactForm } from './disbursement-logic';
import { SavedRecordsDialog } from './SavedRecordsDialog';

/**
 * 2 确认银行账户和联系人: what the receipt will name, with "调整银行账户" and "调整联系人" to choose from the saved ones
 * or maintain them.
 */
export function PayeeSection({ view, editable }: { view: DisbursementView; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const { bankAccounts, contacts, pending, loadBankAccounts, loadContacts, choose } = useDisbursement();
  const [dialog, setDialog] = useState<'bank' | 'contact' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const enterpriseName = view.enterprise.name;

  const pendingBank = pending.bankAccountId ? bankAccounts?.find((a) => a.id === pending.bankAccountId) : undefined;
  const pendingContact = pending.contactId ? contacts?.find((c) => c.id === pending.contactId) : undefined;
  const bank = pendingBank ?? view.bankAccount;
  const contact = pendingContact ?? view.contact;

  const chooseAndSay = async (choice: { bankAccountId: string } | { contactId: string }) => {
    setError(null);
    const e = await choose(choice);
    if (e) return e;
    if (!useDisbursement.getState().pending.bankAccountId && !useDisbursement.getState().pending.contactId) void message.success(t('disb.payee.saved'));
    return null;
  };

  return (
    <section aria-labelledby="disb-payee" style={{ marginTop: 24 }}>
      <Typography.Title level={3} id="disb-payee" style={{ fontSize: 16 }}>
        {t('disb.step.payee')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('disb.step.payeeHint')}</Typography.Paragraph>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={
              <span>
                <BankOutlined aria-hidden /> {t('disb.bank.title')}
              </span>
            }
            extra={
              <Button size="small" disabled={!editable} onClick={() => setDialog('bank')} data-testid="disb-adjust-bank">
                {t('disb.bank.adjust')}
              </Button>
            }
            data-testid="disb-bank"
          >
            {bank ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'bank', label: t('disb.bank.bankName'), children: bank.bankName },
                  { key: 'name', label: t('disb.bank.accountName'), children: bank.accountName },
                  { key: 'number', label: t('disb.bank.accountNumber'), children: <span data-testid="disb-bank-number">{groupDigits(bank.accountNumber)}</span> },
                  ...(bank.branchName ? [{ key: 'branch', label: t('disb.bank.branchName'), children: bank.branchName }] : []),
                  ...(bank.cnapsCode ? [{ key: 'cnaps', label: t('disb.bank.cnapsCode'), children: bank.cnapsCode }] : []),
                ]}
              />
            ) : (
              <Tag color="warning">{t('disb.bank.none')}</Tag>
            )}
            {pendingBank && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('disb.payee.pendingContact')} />}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={
              <span>
                <ContactsOutlined aria-hidden /> {t('disb.contact.title')}
              </span>
            }
            extra={
              <Button size="small" disabled={!editable} onClick={() => setDialog('contact')} data-testid="disb-adjust-contact">
                {t('disb.contact.adjust')}
              </Button>
            }
            data-testid="disb-contact"
          >
            {contact ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'name', label: t('disb.contact.name'), children: <span data-testid="disb-contact-name">{contact.name}</span> },
                  { key: 'mobile', label: t('disb.contact.mobile'), children: contact.mobile },
                  ...(contact.phone ? [{ key: 'phone', label: t('disb.contact.phone'), children: contact.phone }] : []),
                  ...('email' in contact && contact.email ? [{ key: 'email', label: t('disb.contact.email'), children: contact.email }] : []),
                ]}
              />
            ) : (
              <Tag color="warning">{t('disb.contact.none')}</Tag>
            )}
            {pendingContact && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('disb.payee.pendingBank')} />}
          </Card>
        </Col>
      </Row>

      <SavedRecordsDialog<BankAccount, BankAccountForm>
        open={dialog === 'bank'}
        title={t('disb.bank.choose')}
        testId="disb-bank-dialog"
        records={bankAccounts}
        selectedId={bank?.id ?? null}
        load={loadBankAccounts}
        describe={(a) => (
          <span>
            <Typography.Text strong>{a.bankName}</Typography.Text> · {groupDigits(a.accountNumber)}
            {a.branchName && <Typography.Text type="secondary"> · {a.branchName}</Typography.Text>}
          </span>
        )}
        nameOf={(a) => a.accountNumber}
        notice={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('disb.bank.nameRule', { name: enterpriseName })} data-testid="disb-bank-name-rule" />}
        fields={[
          { name: 'bankName', label: 'disb.bank.bankName' },
          { name: 'accountName', label: 'disb.bank.accountName' },
          { name: 'accountNumber', label: 'disb.bank.accountNumber', extra: t('disb.bank.numberHint') },
          { name: 'branchName', label: 'disb.bank.branchName', optional: true },
          { name: 'cnapsCode', label: 'disb.bank.cnapsCode', optional: true },
        ]}
        empty={() => emptyBankAccount(enterpriseName)}
        toForm={(a) => ({ bankName: a.bankName, accountName: a.accountName, accountNumber: a.accountNumber, branchName: a.branchName, cnapsCode: a.cnapsCode })}
        check={(f) => checkBankAccount(f, enterpriseName)}
        create={(v) => call((api) => api.disbursement.createBankAccount(v))}
        update={(id, v) => call((api) => api.disbursement.updateBankAccount({ bankAccountId: id, account: v }))}
        remove={(id) => call((api) => api.disbursement.removeBankAccount({ bankAccountId: id }))}
        choose={(id) => chooseAndSay({ bankAccountId: id })}
        onClose={() => setDialog(null)}
        texts={{
          add: 'disb.bank.add',
          edit: 'disb.bank.edit',
          editLabel: 'disb.bank.editLabel',
          remove: 'disb.bank.remove',
          removeLabel: 'disb.bank.removeLabel',
          removeConfirm: 'disb.bank.removeConfirm',
          empty: 'disb.bank.empty',
          formNew: 'disb.bank.formTitleNew',
          formEdit: 'disb.bank.formTitleEdit',
        }}
      />
      <SavedRecordsDialog<FinanceContact, ContactForm>
        open={dialog === 'contact'}
        title={t('disb.contact.choose')}
        testId="disb-contact-dialog"
        records={contacts}
        selectedId={contact && 'id' in contact ? contact.id : null}
        load={loadContacts}
        describe={(c) => (
          <span>
            <Typography.Text strong>{c.name}</Typography.Text> · {c.mobile}
            {c.phone && <Typography.Text type="secondary"> · {c.phone}</Typography.Text>}
          </span>
        )}
        nameOf={(c) => c.name}
        fields={[
          { name: 'name', label: 'disb.contact.name' },
          { name: 'mobile', label: 'disb.contact.mobile' },
          { name: 'phone', label: 'disb.contact.phone', optional: true },
          { name: 'email', label: 'disb.contact.email', optional: true },
        ]}
        empty={emptyContact}
        toForm={(c) => ({ name: c.name, mobile: c.mobile, phone: c.phone, email: c.email })}
        check={checkContact}
        create={(v) => call((api) => api.disbursement.createContact(v))}
        update={(id, v) => call((api) => api.disbursement.updateContact({ contactId: id, contact: v }))}
        remove={(id) => call((api) => api.disbursement.removeContact({ contactId: id }))}
        choose={(id) => chooseAndSay({ contactId: id })}
        onClose={() => setDialog(null)}
        texts={{
          add: 'disb.contact.add',
          edit: 'disb.contact.edit',
          editLabel: 'disb.contact.editLabel',
          remove: 'disb.contact.remove',
          removeLabel: 'disb.contact.removeLabel',
          removeConfirm: 'disb.contact.removeConfirm',
          empty: 'disb.contact.empty',
          formNew: 'disb.contact.formTitleNew',
          formEdit: 'disb.contact.formTitleEdit',
        }}
      />
    </section>
  );
}
