// An ID number masked as the API sends it, with 显示 to read the clear number: each reveal is a
// request the API audits (GET /register/persons/:id?reveal=idNumber), so it is never prefetched.
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { register } from '../../api/register';
import { useT } from '../../app/i18n';
import { messageOf } from '../../lib/problem';

export function MaskedId({ personId, masked, name }: { personId: string; masked: string; name: string }) {
  const t = useT();
  const [clear, setClear] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  const reveal = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      setClear((await register.person(personId, true)).idNumber);
    } catch (err) {
      setFailed(messageOf(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={4} wrap>
      <Typography.Text code>{clear ?? masked}</Typography.Text>
      {clear === undefined ? (
        <Button
          size="small"
          type="link"
          loading={busy}
          aria-label={t(`显示 · ${name}的身份证号`, `Show · the ID number of ${name}`)}
          onClick={() => void reveal()}
        >
          {t('显示', 'Show')}
        </Button>
      ) : (
        <Button size="small" type="link" aria-label={t(`隐藏 · ${name}的身份证号`, `Hide · the ID number of ${name}`)} onClick={() => setClear(undefined)}>
          {t('隐藏', 'Hide')}
        </Button>
      )}
      {failed && <Typography.Text type="danger">{failed}</Typography.Text>}
    </Space>
  );
}
