// 人员档案: one person's record from GET /register/persons/:id — every residence they had, the
// closed ones with the day and reason they ended (history is kept, never overwritten). The API
// audits each read, so the record is fetched only when the drawer opens; the ID number stays masked.
import { Descriptions, Drawer, Table, Tag } from 'antd';
import type { PersonRecord, RegisterPerson } from '../../api/register';
import { register } from '../../api/register';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';
import { classLabel, endReasonLabel } from './labels';

type PastResidence = PersonRecord['history'][number];

function Record({ personId }: { personId: string }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const loaded = useLoad(() => register.person(personId, false), [personId]);
  const date = (d: string | null) => formatDate(d, session.timeZone, lang);
  const p = loaded.data;
  return (
    <>
      <ProblemAlert error={loaded.error} />
      {p && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('姓名', 'Name')}>{p.name}</Descriptions.Item>
          <Descriptions.Item label={t('身份证号', 'ID number')}>{p.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('现居', 'Lives now')}>
            {p.residence
              ? t(
                  `户号 ${p.residence.cardNumber}(${p.residence.building} 号楼 ${p.residence.door}),${classLabel(p.residence.class, t)}`,
                  `card ${p.residence.cardNumber} (building ${p.residence.building}, door ${p.residence.door}), ${classLabel(p.residence.class, t)}`,
                )
              : t('已注销', 'No longer registered here')}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table<PastResidence>
        aria-label={t('居住登记历史', 'Residence history')}
        rowKey="id"
        size="small"
        loading={loaded.loading}
        dataSource={p?.history ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('户号', 'Card'), dataIndex: 'cardNumber' },
          { title: t('楼栋门牌', 'Building, door'), key: 'place', render: (_, r) => t(`${r.building} 号楼 ${r.door}`, `${r.building}, ${r.door}`) },
          { title: t('人员类别', 'Class'), dataIndex: 'class', render: (c: string) => classLabel(c, t) },
          { title: t('起始', 'From'), dataIndex: 'fromDate', render: date },
          {
            title: t('终止', 'Until'),
            key: 'until',
            render: (_, r) => (r.untilDate ? `${date(r.untilDate)} · ${endReasonLabel(r.endReason ?? '', t)}` : <Tag>{t('现居', 'current')}</Tag>),
          },
          { title: t('登记人', 'Recorded by'), dataIndex: 'recordedBy' },
        ]}
      />
    </>
  );
}

export function PersonRecordDrawer({ person, onClose }: { person?: RegisterPerson; onClose(): void }) {
  const t = useI18n().t;
  return (
    <Drawer
      title={t(`人员档案 · ${person?.name ?? ''}`, `Record · ${person?.name ?? ''}`)}
      open={person !== undefined}
      onClose={onClose}
      destroyOnHidden
      size={640}
    >
      {person && <Record personId={person.id} />}
    </Drawer>
  );
}
