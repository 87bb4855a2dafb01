import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, CopyOutlined, FileTextOutlined, MinusCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ServerCheck } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import type { DiagnosticReport } from '@shared/contract/token';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tokenErrors } from '@shared/errors/token';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { evaluateReport, evaluateServer, extraText, type Check } from './self-check';

/** About what support needs to follow the last few operations, without flooding a ticket. */
const LOG_TAIL_LINES = 200;

/** 检测不到CA？: runs the token service's diagnostics and walks through the manuals' causes in order. */
export default function SelfCheckPage() {
  const t = useT();
  const { message } = App.useApp();
  const back = useRouter((s) => s.back);
  const [report, setReport] = useState<DiagnosticReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [running, setRunning] = useState(true);
  const [server, setServer] = useState<ServerCheck | null>(null);

  const run = useCallback(async () => {
    setRunning(true);
    setError(null);
    // The server is tested beside the key: neither waits for the other.
    const [r, s] = await Promise.all([call((api) => api.tokens.diagnose({})), call((api) => api.app.checkServer({}))]);
    setRunning(false);
    if (s.ok) setServer(s.value);
    if (r.ok) setReport(r.value);
    else setError(r.error);
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- runs the diagnostics once on opening
    void run();
  }, [run]);

  // The log's tail rides along in the same copied report when the clerk asks for it (support reads both).
  const [logLines, setLogLines] = useState<string[] | null>(null);
  const attachLog = async () => {
    const r = await call((api) => api.app.logTail({ lines: LOG_TAIL_LINES }));
    if (!r.ok) return setError(r.error);
    setLogLines(r.value.lines);
    void message.success(t('selfCheck.logAttached', { count: r.value.lines.length }));
  };
  const reportText = report ? JSON.stringify(server ? { ...report, server } : report, null, 2) + (logLines ? `\n\n${t('selfCheck.logHeading', { count: logLines.length })}\n${logLines.join('\n')}` : '') : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reportText);
      void message.success(t('selfCheck.copied'));
    } catch {
      void message.warning(t('selfCheck.copyFailed'));
    }
  };

  const checks = report ? [...evaluateReport(report, t('list.separator')), ...(server ? [evaluateServer(server)] : [])] : [];
  const firstFailure = checks.find((c) => c.status === 'fail');

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('selfCheck.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => back('login')}>
            {t('nav.back')}
          </Button>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void run()} loading={running}>
            {running ? t('selfCheck.running') : t('selfCheck.run')}
          </Button>
          <Button icon={<FileTextOutlined aria-hidden />} onClick={() => void attachLog()} disabled={!report || logLines !== null} data-testid="attach-log">
            {t('selfCheck.attachLog')}
          </Button>
          <Button type="primary" icon={<CopyOutlined aria-hidden />} onClick={() => void copy()} disabled={!report}>
            {t('selfCheck.copy')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('selfCheck.intro')}
      </Typography.Paragraph>
      <ErrorAlert error={error} onRetry={() => void run()} style={{ marginBottom: 16 }} />
      {report && (
        <>
          <div role="status" aria-live="polite" style={{ marginBottom: 16 }}>
            {firstFailure ? (
              <Alert type="error" showIcon title={t('selfCheck.firstFailure', { title: firstFailure.finding ? t(firstFailure.finding.key, firstFailure.finding.vars) : t(firstFailure.title) })} />
            ) : (
              <Alert type="success" showIcon title={t('selfCheck.allPassed')} />
            )}
          </div>
          <ol aria-label={t('selfCheck.checks')} style={{ listStyle: 'none', margin: 0, padding: 0, border: '1px solid #f0f0f0', borderRadius: 6 }}>
            {checks.map((check, index) => (
              <CheckRow key={check.id} check={check} index={index + 1} last={index === checks.length - 1} />
            ))}
          </ol>
          <Collapse
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'report',
                label: t('selfCheck.report'),
                children: (
                  <>
                    <Typography.Paragraph type="secondary">{t('selfCheck.reportNote')}</Typography.Paragraph>
                    <Input.TextArea aria-label={t('selfCheck.report')} readOnly value={reportText} autoSize={{ minRows: 6, maxRows: 16 }} style={{ fontFamily: 'monospace', fontSize: 12 }} />
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function CheckRow({ check, index, last }: { check: Check; index: number; last: boolean }) {
  const t = useT();
  const locale = useLocale();
  const icon =
    check.status === 'pass' ? (
      <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} aria-hidden />
    ) : check.status === 'fail' ? (
      <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 20 }} aria-hidden />
    ) : (
      <MinusCircleOutlined style={{ color: '#bfbfbf', fontSize: 20 }} aria-hidden />
    );
  const color = check.status === 'pass' ? 'success' : check.status === 'fail' ? 'error' : 'default';
  return (
    <li data-testid={`check-${check.id}`} data-status={check.status} style={{ padding: '14px 16px', borderBottom: last ? 0 : '1px solid #f0f0f0' }}>
      <Space align="start" size={12} style={{ width: '100%' }}>
        {icon}
        <div style={{ flex: 1 }}>
          <Space size={8}>
            <Typography.Text strong>
              {index}. {t(check.title)}
            </Typography.Text>
            <Tag color={color}>{t(`selfCheck.status.${check.status}`)}</Tag>
          </Space>
          {check.finding && <div style={{ marginTop: 4 }}>{t(check.finding.key, check.finding.vars)}</div>}
          {check.note && (
            <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }}>
              {t(check.note.key, check.note.vars)}
            </Typography.Text>
          )}
          {check.extra?.map((extra, i) => {
            const text = extraText(extra, locale);
            return (
              <Typography.Text key={i} type={extra.kind === 'failure' ? 'warning' : undefined} style={{ display: 'block', marginTop: 4 }} data-testid={`check-${check.id}-${extra.kind}`}>
                {t(text.key, text.vars)}
              </Typography.Text>
            );
          })}
          {check.status === 'fail' && check.fix && (
            <Alert type="warning" style={{ marginTop: 8 }} title={<><strong>{t('selfCheck.whatToDo')}</strong>{typeof check.fix === 'string' ? t(check.fix) : tokenErrors[check.fix.hintOf].hint?.[locale]}</>} />
          )}
        </div>
      </Space>
    </li>
  );
}
