// An office's score over quarters as an ECharts line, with the same numbers as text for screen
// readers and anyone who prefers to read them. Only the line chart, its grid and tooltip and the
// canvas renderer are bundled, and only into the pages that show a trend.
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Table, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../app/i18n';
import { periodLabel } from './periods';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface TrendPoint {
  period: string;
  score: number;
  rank: number;
}

export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { lang, t } = useI18n();
  const { token } = theme.useToken();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current);
    chart.setOption({
      grid: { left: 48, right: 24, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => periodLabel(p.period, lang)) },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)), max: 100 },
      series: [{ type: 'line', name: lang === 'zh' ? '得分' : 'Score', data: points.map((p) => p.score), label: { show: true }, color: token.colorPrimary }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, lang, token.colorPrimary]);
  const summary = points.map((p) => t(`${periodLabel(p.period, 'zh')} ${p.score.toFixed(2)} 分`, `${p.period} ${p.score.toFixed(2)}`)).join(t('，', ', '));
  return (
    <>
      <div ref={box} role="img" aria-label={t(`得分走势：${summary}`, `Score trend: ${summary}`)} style={{ width: '100%', height: 260 }} />
      <Table<TrendPoint>
        aria-label={t('得分走势数据', 'Score trend data')}
        rowKey="period"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={points}
        columns={[
          { key: 'period', title: t('季度', 'Quarter'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
          { key: 'score', title: t('得分', 'Score'), dataIndex: 'score', align: 'right', render: (s: number) => s.toFixed(2) },
          { key: 'rank', title: t('排名', 'Rank'), dataIndex: 'rank', align: 'right' },
        ]}
      />
    </>
  );
}
