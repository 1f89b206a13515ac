// The weekly bulletins: Monday-to-Sunday weeks, incidents counted by category, cases solved in the week.
import { describe, expect, it } from 'vitest';
import { compileBulletins, weekJustEnded, weekOf, type BulletinIncident } from '../../src/core/bulletins.js';

const week = { start: '2026-03-02', end: '2026-03-08' };
const incident = (id: number, communityId: string, occurredOn: string, category: string, solvedOn?: string): BulletinIncident => ({
  id,
  communityId,
  occurredOn,
  category,
  summary: `案件${id}`,
  solvedOn,
});

describe('weeks', () => {
  it('runs Monday to Sunday, whatever day it is asked about', () => {
    expect(weekOf('2026-03-02')).toEqual(week);
    expect(weekOf('2026-03-05')).toEqual(week);
    expect(weekOf('2026-03-08')).toEqual(week);
    expect(weekOf('2026-03-09')).toEqual({ start: '2026-03-09', end: '2026-03-15' });
    expect(weekOf('2026-01-01')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(() => weekOf('2026-02-30')).toThrow(RangeError);
  });

  it('finds the week just ended from a Monday 08:00 firing in Beijing, which is Monday 00:00 UTC', () => {
    expect(weekJustEnded('2026-03-09T00:00:00Z')).toEqual(week);
    expect(weekJustEnded('2026-03-09T08:00:00-05:00')).toEqual(week);
  });
});

describe('compileBulletins', () => {
  it('counts the incidents that occurred in the week by category, boundaries included', () => {
    const incidents = [
      incident(1, 'c01', '2026-03-01', '盗窃'),
      incident(2, 'c01', '2026-03-02', '盗窃'),
      incident(3, 'c01', '2026-03-08', '诈骗'),
      incident(4, 'c01', '2026-03-05', '盗窃'),
      incident(5, 'c01', '2026-03-09', '诈骗'),
      incident(6, 'c02', '2026-03-04', '纠纷'),
    ];
    const [c01, c02, c03] = compileBulletins(week, ['c01', 'c02', 'c03'], incidents);
    expect(c01!.situation).toEqual({ total: 3, byCategory: { 盗窃: 2, 诈骗: 1 } });
    expect(c02!.situation).toEqual({ total: 1, byCategory: { 纠纷: 1 } });
    // A quiet community still gets its bulletins.
    expect(c03).toEqual({ communityId: 'c03', week, situation: { total: 0, byCategory: {} }, solved: [] });
  });

  it('lists the cases solved in the week, whenever they occurred, and leaves out other communities', () => {
    const incidents = [
      incident(1, 'c01', '2026-02-10', '盗窃', '2026-03-03'),
      incident(2, 'c01', '2026-03-04', '诈骗', '2026-03-09'),
      incident(3, 'c01', '2026-03-02', '盗窃', '2026-03-08'),
      incident(4, 'c01', '2026-02-20', '盗窃', '2026-03-01'),
      incident(5, 'c99', '2026-03-03', '盗窃', '2026-03-03'),
    ];
    const [c01] = compileBulletins(week, ['c01'], incidents);
    expect(c01!.solved.map((s) => [s.id, s.solvedOn])).toEqual([
      [1, '2026-03-03'],
      [3, '2026-03-08'],
    ]);
    expect(c01!.situation).toEqual({ total: 2, byCategory: { 诈骗: 1, 盗窃: 1 } });
  });
});
