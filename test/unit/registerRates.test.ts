import { describe, expect, it } from 'vitest';
import { deriveKeyPersonControl, deriveRegistration, type RegisterSnapshot } from '../../src/core/registerRates.js';
import { helpGroupRoles } from '../../src/core/register.js';
import { workedExample } from '../support/registerExample.js';

const empty: RegisterSnapshot = { residences: [], permits: [], keyPersons: [] };

describe('deriveRegistration', () => {
  // The worked example of src/core/registerRates.ts by hand, on 2026-12-31:
  //   present = 张伟, 李娜 (人在户在) + 周杰 (人在户不在) + 赵敏, 孙丽 (暂住) = 5; 王强 lives away
  //   registered = 张伟, 李娜 + 赵敏 (permit to 2027-02-28) = 3; 孙丽's permit ended 2026-10-31
  it('counts registered and present ÷ present, naming the cards that cost points', () => {
    const d = deriveRegistration(workedExample, '2026-12-31');
    expect(d).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
    expect(d.counts).toEqual({
      present: 5,
      registered: 3,
      presentRegistered: 2,
      temporaryRegistered: 1,
      presentUnregistered: 1,
      temporaryUnregistered: 1,
      registeredAway: 1,
    });
    expect(d.shortfall).toEqual([
      { cardId: 'card-0102', cardNumber: '0102', personId: 'p-sunli', name: '孙丽', class: 'temporary' },
      { cardId: 'card-0103', cardNumber: '0103', personId: 'p-zhoujie', name: '周杰', class: 'present-unregistered' },
    ]);
  });

  it('takes a permit as valid through its expiry day and a registration from its day on', () => {
    // On 2026-10-31 孙丽's permit still holds: 4 ÷ 5.
    expect(deriveRegistration(workedExample, '2026-10-31')).toMatchObject({ value: 0.8, numerator: 4, denominator: 5 });
    // On 2026-02-28 赵敏 is not yet registered (2026-03-01), 孙丽 is: 3 ÷ 5.
    expect(deriveRegistration(workedExample, '2026-02-28').shortfall.map((s) => s.name)).toEqual(['赵敏', '周杰']);
  });

  it('counts a residence from its first day until the day before it ended, rounding to 4 decimals', () => {
    const snapshot: RegisterSnapshot = {
      ...empty,
      residences: [
        { personId: 'a', name: 'A', cardId: 'c', cardNumber: '1', class: 'present-registered', fromDate: '2026-01-01', untilDate: '2026-06-30' },
        { personId: 'a', name: 'A', cardId: 'c', cardNumber: '1', class: 'present-unregistered', fromDate: '2026-06-30' },
        { personId: 'b', name: 'B', cardId: 'c', cardNumber: '1', class: 'present-registered', fromDate: '2026-01-01' },
        { personId: 'c', name: 'C', cardId: 'c', cardNumber: '1', class: 'present-registered', fromDate: '2026-07-01' },
      ],
    };
    expect(deriveRegistration(snapshot, '2026-06-29')).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(deriveRegistration(snapshot, '2026-06-30')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    // 2 ÷ 3 = 0.66666… → 0.6667
    expect(deriveRegistration(snapshot, '2026-07-01')).toMatchObject({ value: 0.6667, numerator: 2, denominator: 3 });
  });

  it('gives no figure when nobody is present', () => {
    expect(deriveRegistration(empty, '2026-12-31')).toMatchObject({ value: null, numerator: 0, denominator: 0, shortfall: [] });
  });
});

describe('deriveKeyPersonControl', () => {
  //   王强: group complete, talk 2026-12-10 (21 days) → controlled
  //   周杰: no parent → help-group-incomplete;  李娜: last talk 2026-11-20 (41 days) → talk-overdue
  it('counts listed persons with a complete help group and a talk within the interval ÷ listed', () => {
    const d = deriveKeyPersonControl(workedExample, '2026-12-31', 30);
    expect(d).toMatchObject({ value: 0.3333, numerator: 1, denominator: 3 });
    expect(d.counts).toEqual({ listed: 3, controlled: 1, helpGroupIncomplete: 1, talkOverdue: 1 });
    expect(d.shortfall).toEqual([
      { listingId: 'k-zhoujie', personId: 'p-zhoujie', name: '周杰', why: 'help-group-incomplete' },
      { listingId: 'k-lina', personId: 'p-lina', name: '李娜', why: 'talk-overdue' },
    ]);
  });

  it('takes a talk exactly the interval old as within it, and one a day older as overdue', () => {
    // 李娜's talk of 2026-11-20 is 30 days old on 2026-12-20, 31 on 2026-12-21. On 2026-12-09 the talks of
    // 2026-12-10 and 2026-12-20 have not been held: 王强's last is 2026-11-02 (37 days), 周杰 has none.
    expect(deriveKeyPersonControl(workedExample, '2026-12-20', 30).shortfall.filter((s) => s.why === 'talk-overdue')).toEqual([]);
    expect(deriveKeyPersonControl(workedExample, '2026-12-21', 30).counts).toMatchObject({ talkOverdue: 1 });
    const early = deriveKeyPersonControl(workedExample, '2026-12-09', 30);
    expect(early.shortfall.filter((s) => s.why === 'talk-overdue').map((s) => s.name)).toEqual(['王强', '周杰']);
    expect(deriveKeyPersonControl(workedExample, '2026-12-31', 45)).toMatchObject({ value: 0.6667, numerator: 2 });
  });

  it('names a listing twice when it fails both ways, and leaves out members and listings not holding on the day', () => {
    const snapshot: RegisterSnapshot = {
      ...empty,
      keyPersons: [
        {
          listingId: 'k1',
          personId: 'p1',
          name: 'P1',
          listedOn: '2026-01-01',
          helpGroup: [
            { role: 'officer', fromDate: '2026-01-01' },
            { role: 'security-cadre', fromDate: '2026-01-01' },
            { role: 'parent', fromDate: '2026-01-01', untilDate: '2026-12-01' },
          ],
          talks: [],
        },
        { listingId: 'k2', personId: 'p2', name: 'P2', listedOn: '2026-01-01', delistedOn: '2026-12-31', helpGroup: [], talks: [] },
      ],
    };
    const d = deriveKeyPersonControl(snapshot, '2026-12-31', 30);
    expect(d).toMatchObject({ value: 0, numerator: 0, denominator: 1, counts: { listed: 1, controlled: 0, helpGroupIncomplete: 1, talkOverdue: 1 } });
    expect(d.shortfall.map((s) => s.why)).toEqual(['help-group-incomplete', 'talk-overdue']);
  });

  it('gives a key person listed less than the interval ago time for their first talk, and no more', () => {
    const listed = (listedOn: string): RegisterSnapshot => ({
      ...empty,
      keyPersons: [
        {
          listingId: 'k',
          personId: 'p',
          name: 'P',
          listedOn,
          helpGroup: helpGroupRoles.map((role) => ({ role, fromDate: listedOn })),
          talks: [],
        },
      ],
    });
    expect(deriveKeyPersonControl(listed('2026-12-01'), '2026-12-31', 30)).toMatchObject({ value: 1, counts: { talkOverdue: 0 } });
    expect(deriveKeyPersonControl(listed('2026-11-30'), '2026-12-31', 30)).toMatchObject({ value: 0, counts: { talkOverdue: 1 } });
  });

  it('is 1 when nobody is listed', () => {
    expect(deriveKeyPersonControl(empty, '2026-12-31', 30)).toMatchObject({ value: 1, numerator: 0, denominator: 0, shortfall: [] });
  });
});
