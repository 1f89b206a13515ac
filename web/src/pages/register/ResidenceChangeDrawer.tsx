// 变更居住: a person's open residence closed and, unless they left or died, the next one opened —
// moved to another card of the community, reclassified, or a correction — through POST
// /register/persons/:id/residence-changes. The fields are the API's (reason, cardId, class, date),
// so its refusals land under the field they name; the card is found by its number or a resident's name.
import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { register, type RegisterPerson, type ResidenceClass, type ResidenceEndReason } from '../../api/register';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { FormDrawer } from '../../lib/FormDrawer';
import { todayIn } from '../../lib/today';
import { useLoad } from '../../lib/useLoad';
import { classLabel, classOptions, endReasonOptions } from './labels';

interface ChangeValues {
  reason: ResidenceEndReason;
  cardId?: string;
  class?: ResidenceClass;
  date: Dayjs;
}

/** Which fields a change has: a move names the card, a re-classification the class; leaving and dying neither. */
const fieldsOf = (reason: ResidenceEndReason | undefined) => ({
  card: reason === 'moved' || reason === 'corrected',
  cardRequired: reason === 'moved',
  class: reason === 'moved' || reason === 'reclassified' || reason === 'corrected',
  classRequired: reason === 'reclassified',
});

function CardSelect({ communityId, value, onChange, id }: { communityId: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState<string>();
  const cards = useLoad(() => register.cards(communityId, { q }), [communityId, q]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim() || undefined) }}
      loading={cards.loading}
      value={value}
      onChange={onChange}
      placeholder={t('输入户号或姓名查找', 'Type a card number or a name')}
      notFoundContent={t('没有匹配的户卡', 'No matching card')}
      options={(cards.data?.items ?? []).map((c) => ({
        value: c.id,
        label: t(`${c.number}(${c.building} 号楼 ${c.door})`, `${c.number} (building ${c.building}, door ${c.door})`),
      }))}
    />
  );
}

export function ResidenceChangeDrawer({
  communityId,
  person,
  onClose,
  onChanged,
}: {
  communityId: string;
  person?: RegisterPerson;
  onClose(): void;
  onChanged(): void;
}) {
  const { lang, t } = useI18n();
  const session = useSession();
  const [reason, setReason] = useState<ResidenceEndReason>();
  const fields = fieldsOf(reason);
  const current = person?.residence;
  const since = formatDate(current?.fromDate, session.timeZone, lang);
  return (
    <FormDrawer<ChangeValues>
      title={t(`变更 ${person?.name ?? ''} 的居住登记`, `Change the residence of ${person?.name ?? ''}`)}
      initialValues={person && { date: dayjs(todayIn(session.timeZone)) }}
      onClose={() => {
        setReason(undefined);
        onClose();
      }}
      submitText={t('保存变更', 'Save the change')}
      onSubmit={async (v) => {
        await register.changeResidence(person!.id, {
          reason: v.reason,
          date: v.date.format('YYYY-MM-DD'),
          // A field the change has not is unmounted, and the form drops its value.
          ...(v.cardId ? { cardId: v.cardId } : {}),
          ...(v.class ? { class: v.class } : {}),
        });
        setReason(undefined);
        onChanged();
      }}
    >
      {current && (
        <p>
          {t(
            `现居:户号 ${current.cardNumber}(${current.building} 号楼 ${current.door}),${classLabel(current.class, t)},自 ${since}`,
            `Now: card ${current.cardNumber} (building ${current.building}, door ${current.door}), ${classLabel(current.class, t)}, since ${since}`,
          )}
        </p>
      )}
      <Form.Item name="reason" label={t('变更事项', 'Change')} rules={[{ required: true, message: t('请选择变更事项', 'Choose the change') }]}>
        <Select<ResidenceEndReason> options={endReasonOptions(t)} onChange={setReason} />
      </Form.Item>
      {fields.card && (
        <Form.Item
          name="cardId"
          label={fields.cardRequired ? t('迁入户卡', 'Card moved to') : t('户卡(不变可不选)', 'Card (leave empty to keep it)')}
          rules={fields.cardRequired ? [{ required: true, message: t('请选择迁入的户卡', 'Choose the card') }] : []}
        >
          <CardSelect communityId={communityId} />
        </Form.Item>
      )}
      {fields.class && (
        <Form.Item
          name="class"
          label={fields.classRequired ? t('新的人员类别', 'New class') : t('人员类别(不变可不选)', 'Class (leave empty to keep it)')}
          rules={fields.classRequired ? [{ required: true, message: t('请选择新的人员类别', 'Choose the new class') }] : []}
        >
          <Select<ResidenceClass> allowClear options={classOptions(t)} />
        </Form.Item>
      )}
      <Form.Item name="date" label={t('变更日期', 'Date of the change')} rules={[{ required: true, message: t('请选择日期', 'Choose the day') }]}>
        <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
    </FormDrawer>
  );
}
