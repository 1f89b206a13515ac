// Previous and next under a server-paged table.
import { Button, Space, Typography } from 'antd';
import { useT } from '../app/i18n';
import type { Paged } from './usePages';

export function PageControls({ paged }: { paged: Paged<unknown> }) {
  const t = useT();
  if (!paged.hasNext && !paged.hasPrevious) return null;
  return (
    <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
      <Button disabled={!paged.hasPrevious || paged.loading} onClick={paged.previous}>
        {t('上一页', 'Previous')}
      </Button>
      <Typography.Text>{t(`第 ${paged.pageNumber} 页`, `Page ${paged.pageNumber}`)}</Typography.Text>
      <Button disabled={!paged.hasNext || paged.loading} onClick={paged.next}>
        {t('下一页', 'Next')}
      </Button>
    </Space>
  );
}
