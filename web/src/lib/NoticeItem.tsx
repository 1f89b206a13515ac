// One notice in a list (the inbox, the officer's notices): its tags and title, its text in the
// console's language when the notice has one, when it came and when it was signed for, and the
// 签收 button while the reader still may sign.
import { Button, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n';
import { useSession } from '../app/session';
import { formatDateTime } from './format';

export interface NoticeText {
  id: string;
  titleZh: string;
  bodyZh: string;
  bodyEn?: string | null;
  createdAt: string;
}

interface Props {
  notice: NoticeText;
  tags: ReactNode;
  acknowledgedAt?: string | null;
  /** Set while the reader may still sign for the notice. */
  onAcknowledge?: () => void;
  signing?: boolean;
}

export function NoticeItem({ notice: n, tags, acknowledgedAt, onAcknowledge, signing }: Props) {
  const { lang, t } = useI18n();
  const session = useSession();
  return (
    <List.Item
      actions={
        onAcknowledge
          ? [
              <Button key="ack" type="primary" loading={signing} onClick={onAcknowledge}>
                {t('签收', 'Acknowledge')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap>
            {tags}
            <span>{n.titleZh}</span>
          </Space>
        }
        description={
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{lang === 'en' && n.bodyEn ? n.bodyEn : n.bodyZh}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {formatDateTime(n.createdAt, session.timeZone, lang)}
              {acknowledgedAt ? ` · ${t('签收于', 'acknowledged')} ${formatDateTime(acknowledgedAt, session.timeZone, lang)}` : ''}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}
