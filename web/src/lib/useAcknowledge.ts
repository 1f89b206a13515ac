// Signing for a notice (签收), as the inbox, the officer's notices and the leader's joint notices
// do it: which notice is being signed, the failure if it fails, and a reload of the list after.
import { message } from 'antd';
import { useState } from 'react';
import { api, call } from '../api/client';
import { useT } from '../app/i18n';

export function useAcknowledge(reload: () => void) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const [signing, setSigning] = useState<string>();
  const acknowledge = async (id: string) => {
    setError(undefined);
    setSigning(id);
    try {
      await call(api.POST('/notices/{id}/acknowledgements', { params: { path: { id } }, body: {} }));
      message.success(t('已签收', 'Acknowledged'));
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setSigning(undefined);
    }
  };
  return { error, setError, signing, acknowledge };
}
