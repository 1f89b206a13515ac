// 出租房屋: the community's rented homes with their last inspection and when the next is due
// (late ones in red); the keepers record an inspection.
import { Button, DatePicker, Form, Input, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { register, type RentedHome } from '../../api/register';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { FormDrawer } from '../../lib/FormDrawer';
import { ProblemAlert } from '../../lib/problem';
import { todayIn } from '../../lib/today';
import { DueOn } from './DueOn';
import { useLoad } from '../../lib/useLoad';

interface InspectionValues {
  inspectedOn: Dayjs;
  note?: string;
}

export function RentedHomesTab({ communityId, keeps }: { communityId: string; keeps: boolean }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const today = todayIn(session.timeZone);
  const loaded = useLoad(() => register.rentedHomes(communityId), [communityId]);
  const [inspecting, setInspecting] = useState<RentedHome>();
  const date = (d: string | null) => formatDate(d, session.timeZone, lang);
  const where = (h?: RentedHome) => (h ? `${h.building}-${h.door}` : '');
  return (
    <>
      <ProblemAlert error={loaded.error} />
      <Table<RentedHome>
        aria-label={t('出租房屋', 'Rented homes')}
        rowKey="id"
        size="small"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('没有出租房屋', 'No rented homes') }}
        columns={[
          { title: t('楼栋号', 'Building'), dataIndex: 'building' },
          { title: t('门牌号', 'Door'), dataIndex: 'door' },
          { title: t('房东', 'Landlord'), dataIndex: 'landlord' },
          { title: t('出租起始', 'Rented from'), dataIndex: 'fromDate', render: date },
          { title: t('出租截止', 'Rented until'), dataIndex: 'untilDate', render: date },
          { title: t('最近检查', 'Last inspected'), dataIndex: 'lastInspectedOn', render: (d: string | null) => (d ? date(d) : t('从未检查', 'never')) },
          {
            title: t('下次检查截止', 'Next inspection due'),
            dataIndex: 'inspectionDueOn',
            render: (d: string | null) => <DueOn day={d} />,
          },
          ...(keeps
            ? [
                {
                  title: t('操作', 'Actions'),
                  key: 'actions',
                  render: (_: unknown, h: RentedHome) =>
                    h.untilDate ? null : (
                      <Button size="small" onClick={() => setInspecting(h)} aria-label={t(`登记检查 · ${where(h)}`, `Record an inspection · ${where(h)}`)}>
                        {t('登记检查', 'Record an inspection')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormDrawer<InspectionValues>
        title={t(`登记 ${where(inspecting)} 的检查`, `An inspection of ${where(inspecting)}`)}
        initialValues={inspecting && { inspectedOn: dayjs(today) }}
        onClose={() => setInspecting(undefined)}
        onSubmit={async (v) => {
          await register.recordInspection(inspecting!.id, { inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), note: v.note });
          loaded.reload();
        }}
      >
        <Form.Item name="inspectedOn" label={t('检查日期', 'Inspected on')} rules={[{ required: true, message: t('请选择日期', 'Choose the day') }]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={t('检查情况', 'Note')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
