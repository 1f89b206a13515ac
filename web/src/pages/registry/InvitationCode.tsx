// An invitation code, shown this once (the server keeps only its hash): copy it and give it to
// the person, who accepts it on the sign-in page under 接受邀请 and sets a password.
import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/format';

export interface Issued {
  user: { id: string; displayName: string };
  invitation: { code: string; expiresAt: string };
}

export function InvitationCode({ issued, onClose }: { issued?: Issued; onClose(): void }) {
  const { lang, t } = useI18n();
  const session = useSession();
  return (
    <Modal
      open={issued !== undefined}
      title={t('邀请码', 'Invitation code')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('我已记下', 'Done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      {issued && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('邀请码只显示这一次,关闭后无法再查看。', 'The code is shown this once; it cannot be seen again after closing.')}
            description={t(
              `请当面或通过内部渠道交给 ${issued.user.displayName} 本人。对方打开本系统登录页,选择"接受邀请",输入邀请码并设置密码后即可登录。`,
              `Give it to ${issued.user.displayName} in person or through an internal channel. They open the sign-in page, choose "Accept an invitation", enter the code and choose a password.`,
            )}
          />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('登录名', 'Sign-in name')}>{issued.user.id}</Descriptions.Item>
            <Descriptions.Item label={t('邀请码', 'Code')}>
              <Typography.Text
                code
                copyable={{ text: issued.invitation.code, tooltips: [t('复制邀请码', 'Copy the code'), t('已复制', 'Copied')] }}
                data-testid="invitation-code"
              >
                {issued.invitation.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('有效期至', 'Valid until')}>{formatDateTime(issued.invitation.expiresAt, session.timeZone, lang)}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  );
}
