/**
 * 企服平台账号导入 (staff admins; the server refuses anyone else): the old hub's accounts and, optionally, their
 * item history, as CSV files. A refused file names its line and what is wrong there.
 */
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { importLegacyAccountsRoute } from '@shared/contract/http/legacy';
import { call, ConsoleError } from './api';
import { ErrorAlert } from './ErrorAlert';
import { useT, type Translate } from './i18n';
import type { MessageKey } from './messages';

type Counts = Awaited<ReturnType<typeof call<typeof importLegacyAccountsRoute>>>;

const KNOWN = ['hash_format', 'role_unknown', 'account_unknown'];

/** `accounts.line3` + `hash_format` → 账号文件第 3 行：密码哈希格式不符. */
function lineProblem(error: unknown, t: Translate): string | null {
  const issue = error instanceof ConsoleError ? error.body.issues?.[0] : undefined;
  const m = issue && /^(accounts|history)\.line(\d+)$/.exec(issue.path);
  if (!issue || !m) return null;
  const problem = KNOWN.includes(issue.code) ? t(`legacy.problem.${issue.code}` as MessageKey) : t('legacy.problem.other', { code: issue.code });
  return t('legacy.line', { file: t(`legacy.file.${m[1] as 'accounts' | 'history'}`), line: m[2]!, problem });
}

function CsvInput({ id, onText }: { id: string; onText: (name: string, text: string | undefined) => void }) {
  return (
    <input
      id={id}
      data-testid={id}
      type="file"
      accept=".csv,text/csv"
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (!file) onText('', undefined);
        else void file.text().then((text) => onText(file.name, text));
      }}
    />
  );
}

export function LegacyImportScreen() {
  const t = useT();
  const [accounts, setAccounts] = useState<string | undefined>();
  const [history, setHistory] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Counts | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    if (!accounts) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await call(importLegacyAccountsRoute, { body: { accounts, ...(history ? { history } : {}) } }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const problem = lineProblem(error, t);
  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 20 }}>{t('legacy.title')}</h1>}>
      <Typography.Paragraph>{t('legacy.intro')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('legacy.accountsFile')} htmlFor="legacy-accounts-file" extra={t('legacy.accountsFormat')} required>
          <CsvInput id="legacy-accounts-file" onText={(_, text) => setAccounts(text)} />
        </Form.Item>
        <Form.Item label={t('legacy.historyFile')} htmlFor="legacy-history-file" extra={t('legacy.historyFormat')}>
          <CsvInput id="legacy-history-file" onText={(_, text) => setHistory(text)} />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {problem && <Alert type="error" showIcon data-testid="legacy-import-line" title={problem} />}
          {error ? <ErrorAlert error={error} /> : null}
          {done && <Alert type="success" showIcon data-testid="legacy-import-done" title={t('legacy.done', done)} />}
          <Button type="primary" data-testid="legacy-import-submit" loading={busy} disabled={!accounts} onClick={() => void submit()}>
            {t('legacy.import')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
