// 推算依据: who cost a community its derived rates on a period's end (today, while the period
// runs), from GET /register/communities/:communityId/derivation — for registration the persons
// present but not counted as registered (card, name, class, why), for key-person control the key
// persons not controlled (name, why). Names only: no ID number is needed to find the record.
import { Empty, Spin, Table, Tag, Typography } from 'antd';
import { register, type Derivation, type DerivedMetric } from '../../api/register';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { DerivedFigure } from '../../lib/DerivedFigure';
import { formatDate } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { todayIn } from '../../lib/today';
import { useLoad } from '../../lib/useLoad';
import { classLabel, uncontrolledWhyLabel, unregisteredWhyLabel } from './labels';

type Unregistered = Derivation['metrics']['registration']['shortfall'][number];
type Uncontrolled = Derivation['metrics']['keyPersonControl']['shortfall'][number];

/** Both metrics' lists, or only `metric`'s. */
export function DerivationView({ communityId, period, metric }: { communityId: string; period: string; metric?: DerivedMetric }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const loaded = useLoad(() => register.derivation(communityId, period), [communityId, period]);
  const d = loaded.data;
  const shows = (m: DerivedMetric) => metric === undefined || metric === m;
  const percent = (v: number | null) => (v === null ? t('无人可计', 'nobody to count') : `${(v * 100).toFixed(2)}%`);
  if (loaded.error) return <ProblemAlert error={loaded.error} />;
  if (!d) return <Spin tip={t('正在推算…', 'Deriving…')} />;
  const shownDate = formatDate(d.date, session.timeZone, lang);
  const running = d.date === todayIn(session.timeZone);
  const registration = d.metrics.registration;
  const control = d.metrics.keyPersonControl;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {running
          ? t(`本期尚未结束:按今天(${shownDate})的登记记录推算。`, `The period is still running: derived from the register as it stands today (${shownDate}).`)
          : t(`按期末(${shownDate})的登记记录推算。`, `Derived from the register as it stood at the period's end (${shownDate}).`)}
      </Typography.Paragraph>
      {shows('registration') && (
        <section aria-label={t('实有人口登记率', 'Registration rate')}>
          <Typography.Title level={4}>
            {t('实有人口登记率', 'Registration rate')}: {percent(registration.value)}
          </Typography.Title>
          <DerivedFigure derived={registration} />
          <Table<Unregistered>
            aria-label={t('未计为已登记的人员', 'Persons not counted as registered')}
            style={{ marginTop: 8 }}
            rowKey="personId"
            size="small"
            pagination={false}
            dataSource={registration.shortfall}
            locale={{ emptyText: <Empty description={t('实有人口均已登记', 'Everyone present is registered')} /> }}
            columns={[
              { title: t('户号', 'Card'), dataIndex: 'cardNumber' },
              { title: t('姓名', 'Name'), dataIndex: 'name' },
              { title: t('人员类别', 'Class'), dataIndex: 'class', render: (c: string) => <Tag>{classLabel(c, t)}</Tag> },
              { title: t('原因', 'Why'), key: 'why', render: (_, p) => unregisteredWhyLabel(p.class, t) },
            ]}
          />
        </section>
      )}
      {shows('keyPersonControl') && (
        <section aria-label={t('重点人口管控率', 'Key-person control rate')} style={{ marginTop: 24 }}>
          <Typography.Title level={4}>
            {t('重点人口管控率', 'Key-person control rate')}: {percent(control.value)}
          </Typography.Title>
          <DerivedFigure derived={control} />
          <Table<Uncontrolled>
            aria-label={t('未管控到位的重点人口', 'Key persons not controlled')}
            style={{ marginTop: 8 }}
            rowKey={(k) => `${k.listingId}:${k.why}`}
            size="small"
            pagination={false}
            dataSource={control.shortfall}
            locale={{ emptyText: <Empty description={t('重点人口均管控到位', 'Every key person is controlled')} /> }}
            columns={[
              { title: t('姓名', 'Name'), dataIndex: 'name' },
              { title: t('原因', 'Why'), dataIndex: 'why', render: (why: string) => <Tag color="red">{uncontrolledWhyLabel(why, t)}</Tag> },
            ]}
          />
        </section>
      )}
    </>
  );
}
