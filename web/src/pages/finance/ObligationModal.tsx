// A form about one obligation in a modal (record a payment, correct it): the obligation and what
// it owes above the form, errors under their fields or in an alert, closed by the caller on success.
import { Form, Modal, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { formatYuan } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { useSubmit } from '../../lib/useSubmit';
import type { ObligationRow } from './obligationLabels';

interface Props<V> {
  obligation: ObligationRow;
  form: FormInstance<V>;
  title: string;
  okText: string;
  initialValues: Partial<V>;
  onClose(): void;
  /** Sends the form; a thrown ApiError is shown on the form. */
  onSend(values: V): Promise<void>;
  children: ReactNode;
}

export function ObligationModal<V>({ obligation, form, title, okText, initialValues, onClose, onSend, children }: Props<V>) {
  const t = useT();
  const { busy, error, submit } = useSubmit(form);
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {obligation.id} · {t('应付', 'owed')} {formatYuan(obligation.amount)}
      </Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v: V) => void submit(() => onSend(v))}>
        {children}
      </Form>
    </Modal>
  );
}
