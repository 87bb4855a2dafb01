import { Radio, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/store';
import { useRegistration } from '../../state/registration-draft';
import { StepNav } from './StepNav';

/** 1 选择实名认证方式: 江苏CA (recommended) or 苏州CA, with the manual's "who in the company has it". */
export function StepChooseCa() {
  const t = useT();
  const caProfile = useRegistration((s) => s.draft.caProfile);
  const update = useRegistration((s) => s.update);
  const options = [
    { value: 'jiangsu-ca' as const, title: t('ca.profile.jiangsu-ca'), desc: t('reg.ca.jiangsu.desc'), recommended: true },
    { value: 'suzhou-ca' as const, title: t('ca.profile.suzhou-ca'), desc: t('reg.ca.suzhou.desc'), recommended: false },
  ];
  return (
    <>
      <Typography.Paragraph>{t('reg.ca.intro')}</Typography.Paragraph>
      <Radio.Group
        aria-label={t('reg.ca.label')}
        value={caProfile}
        onChange={(e) => update({ caProfile: e.target.value as 'jiangsu-ca' | 'suzhou-ca' })}
        style={{ width: '100%' }}
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {options.map((o) => (
            <div
              key={o.value}
              style={{
                border: `1px solid ${caProfile === o.value ? '#1f5fbf' : '#d9d9d9'}`,
                background: caProfile === o.value ? '#f0f6ff' : '#fff',
                borderRadius: 6,
                padding: '14px 16px',
              }}
            >
              <Radio value={o.value}>
                <Space orientation="vertical" size={2}>
                  <Space>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {o.title}
                    </Typography.Text>
                    {o.recommended && <Tag color="blue">{t('reg.ca.recommended')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary">{o.desc}</Typography.Text>
                </Space>
              </Radio>
            </div>
          ))}
        </Space>
      </Radio.Group>
      <StepNav nextDisabled={caProfile === null} />
    </>
  );
}
