import { Button, Descriptions, Result, Space, Tag } from 'antd';
import { useT } from '../../i18n/store';
import { useRegistration } from '../../state/registration-draft';

/** 8 完成: what happens next (initial passwords by SMS, changed at first sign-in) and the accounts created. */
export function StepDone({ onLogin }: { onLogin(): void }) {
  const t = useT();
  const result = useRegistration((s) => s.result);
  return (
    <Result
      status="success"
      title={t('reg.done.title')}
      subTitle={t('reg.done.text')}
      extra={
        <Button type="primary" size="large" onClick={onLogin}>
          {t('reg.done.toLogin')}
        </Button>
      }
    >
      {result && (
        <Descriptions
          bordered
          column={1}
          size="small"
          style={{ maxWidth: 560, margin: '0 auto' }}
          items={[
            { key: 'enterprise', label: t('reg.done.enterprise'), children: t('reg.done.enterpriseLine', { name: result.name, uscc: result.uscc }) },
            {
              key: 'usernames',
              label: t('reg.done.usernames'),
              children: (
                <Space size={4} wrap>
                  {result.usernames.map((u) => (
                    <Tag key={u} color="blue" style={{ fontSize: 14 }}>
                      {u}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Result>
  );
}
