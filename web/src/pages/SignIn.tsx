// Sign-in with the name and password a bureau clerk's invitation set up, and the first
// acceptance of an invitation (code from the clerk, a new password).
import { Alert, Button, Card, Form, Input, Segmented, Tabs, Typography } from 'antd';
import { api, call } from '../api/client';
import { useI18n } from '../app/i18n';
import { useSessionApi } from '../app/session';
import { ProblemAlert } from '../lib/problem';
import { useSubmit } from '../lib/useSubmit';

function SignInForm() {
  const { t } = useI18n();
  const { signIn } = useSessionApi();
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form);
  return (
    <Form form={form} name="sign-in" layout="vertical" onFinish={(v: { id: string; password: string }) => submit(() => signIn(v.id.trim(), v.password))}>
      <ProblemAlert error={error} />
      <Form.Item name="id" label={t('登录名', 'Sign-in name')} rules={[{ required: true, message: t('请输入登录名', 'Enter your sign-in name') }]}>
        <Input autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('登录', 'Sign in')}
      </Button>
    </Form>
  );
}

function AcceptInvitationForm() {
  const { t } = useI18n();
  const { signIn } = useSessionApi();
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form);
  return (
    <Form
      form={form}
      name="invitation"
      layout="vertical"
      onFinish={(v: { code: string; password: string }) =>
        submit(async () => {
          const accepted = await call(api.POST('/invitations/acceptance', { body: { code: v.code.trim(), password: v.password } }));
          await signIn(accepted.user.id, v.password);
        })
      }
    >
      <ProblemAlert error={error} />
      <Form.Item name="code" label={t('邀请码', 'Invitation code')} rules={[{ required: true, message: t('请输入邀请码', 'Enter the invitation code') }]}>
        <Input autoComplete="one-time-code" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('设置密码', 'Choose a password')}
        extra={t('至少 12 个字符', 'At least 12 characters')}
        rules={[{ required: true, message: t('请设置密码', 'Choose a password') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('接受邀请并登录', 'Accept and sign in')}
      </Button>
    </Form>
  );
}

export function SignIn({ reason }: { reason?: string }) {
  const { lang, setLang, t } = useI18n();
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('社区警务责任捆绑考核', 'Community policing accountability')}
          </Typography.Title>
          <Segmented
            aria-label={t('界面语言', 'Language')}
            size="small"
            value={lang}
            onChange={(v) => setLang(v as 'zh' | 'en')}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'EN', value: 'en' },
            ]}
          />
        </div>
        {reason === 'expired' && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('登录已过期,请重新登录。', 'Your session has ended; sign in again.')} />
        )}
        <Tabs
          items={[
            { key: 'sign-in', label: t('登录', 'Sign in'), children: <SignInForm /> },
            { key: 'invitation', label: t('接受邀请', 'Accept an invitation'), children: <AcceptInvitationForm /> },
          ]}
        />
      </Card>
    </main>
  );
}
