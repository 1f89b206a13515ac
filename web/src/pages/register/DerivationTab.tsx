// 推算依据 on the register page: the quarter chosen (the running one by default, then the seven
// before it), and who cost the community its derived rates in it.
import { Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { periodLabel } from '../../lib/periods';
import { todayIn } from '../../lib/today';
import { DerivationView } from './DerivationView';

/** The quarter of `day` (YYYY-MM-DD) and the `count - 1` before it, latest first: 2026-Q4, 2026-Q3, … */
function quartersTo(day: string, count: number): string[] {
  const index = Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return Array.from({ length: count }, (_, i) => `${Math.floor((index - i) / 4)}-Q${((index - i) % 4) + 1}`);
}

export function DerivationTab({ communityId }: { communityId: string }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const quarters = quartersTo(todayIn(session.timeZone), 8);
  const [period, setPeriod] = useState(quarters[0]!);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="derivation-period">{t('考核期', 'Period')}</label>
        <Select
          id="derivation-period"
          style={{ minWidth: 200 }}
          value={period}
          onChange={setPeriod}
          options={quarters.map((q, i) => ({ value: q, label: `${periodLabel(q, lang)}${i === 0 ? t('(进行中)', ' (running)') : ''}` }))}
        />
      </Space>
      <DerivationView communityId={communityId} period={period} />
    </>
  );
}
