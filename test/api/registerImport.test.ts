// Bulk import and export of a community's register, on SQLite and PostgreSQL: CSV and XLSX, a bad
// row in each mode named by line and column, re-uploads that change nothing, moves that keep the
// history, progress while a large file is written, the export's masking, audit and watermark, an
// export that imports again, an import abandoned by a crash, and who may do which.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../src/core/idNumber.js';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { abandonedAfterMs } from '../../src/register/imports.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { harness, today } from './harness.js';

/** A valid ID number: region 110101, born on `birth`, sequence `seq`. */
function idNumber(seq: number, birth = '19900101'): string {
  const first17 = `110101${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

// The sheet without the help-group and rented-home columns, which are optional: such a file imports as ever.
const header = '楼栋号,门牌号,户号,姓名,身份证号,联系电话,人员类别,起始日期,暂住登记日期,居住证号,居住证有效期至,重点人口类别,列管日期';
const fullHeader = `${header},治保干部,治保干部电话,家长,家长电话,出租房屋房东,出租起始日期,出租房屋最近检查日期`;
type Row = Partial<{
  building: string;
  door: string;
  card: string;
  name: string;
  id: string;
  phone: string;
  cls: string;
  from: string;
  reg: string;
  permit: string;
  expires: string;
  kp: string;
  listed: string;
  cadre: string;
  cadrePhone: string;
  parent: string;
  parentPhone: string;
  landlord: string;
  rentedFrom: string;
  inspected: string;
}>;
const line = (r: Row) =>
  [
    r.building ?? '1',
    r.door ?? '101',
    r.card ?? 'H001',
    r.name ?? '张三',
    r.id ?? '',
    r.phone ?? '',
    r.cls ?? '人在户在',
    r.from ?? '2020-01-01',
    r.reg ?? '',
    r.permit ?? '',
    r.expires ?? '',
    r.kp ?? '',
    r.listed ?? '',
  ].join(',');
const csv = (rows: Row[]) => Buffer.from([header, ...rows.map(line)].join('\n') + '\n');
const groupCells = (r: Row) => [r.cadre, r.cadrePhone, r.parent, r.parentPhone, r.landlord, r.rentedFrom, r.inspected].map((c) => c ?? '').join(',');
const fullCsv = (rows: Row[]) => Buffer.from([fullHeader, ...rows.map((r) => `${line(r)},${groupCells(r)}`)].join('\n') + '\n');

const family: Row[] = [
  { card: 'H001', name: '张三', id: idNumber(1), phone: '13800000001' },
  { card: 'H001', name: '李四', id: idNumber(2), cls: 'registered-away' },
  { card: 'H002', door: '102', name: '王五', id: idNumber(3), cls: '暂住人口', reg: '2025-06-01', permit: 'JZ-001', expires: '2026-06-01' },
  { card: 'H002', door: '102', name: '赵六', id: idNumber(4), cls: '人在户不在', kp: '刑释人员', listed: '2025-01-10' },
];

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('登记表');
  sheet.addRow(header.split(','));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each([
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgres],
] as const)('register import and export on %s', (_name, fresh) => {
  let t: TestDb;
  let db: Db;
  let h: Awaited<ReturnType<typeof harness>>;
  type Client = Awaited<ReturnType<typeof h.as>>;
  let officer: Client;
  let station: Client;
  let brigade: Client;
  let otherDepartment: Client;
  let otherOfficer: Client;

  beforeAll(async () => {
    t = await fresh('register-import');
    db = t.db;
    await seedDemoCounty(db, { today: '2026-01-01', county: testCountyRecord });
    h = await harness(db);
    officer = await h.as({ role: 'officer', subjectId: 'o01' });
    station = await h.as({ role: 'station', subjectId: 'chengguan' });
    brigade = await h.as({ role: 'department', subjectId: 'renkou' });
    otherDepartment = await h.as({ role: 'department', subjectId: 'D01' });
    const c02 = await db.binding.findFirst({ where: { communityId: 'c02', subjectType: 'officer' } });
    otherOfficer = await h.as({ role: 'officer', subjectId: c02!.subjectId });
  }, 120_000);
  afterAll(async () => t?.drop());

  const upload = (who: Client, bytes: Buffer, name: string, mode = 'all-or-nothing', community = 'c01') =>
    who.post(`/api/register/communities/${community}/imports?mode=${mode}`).attach('file', bytes, name);

  async function finished(who: Client, id: string) {
    for (let i = 0; i < 600; i++) {
      const res = await who.get(`/api/register/imports/${id}`);
      expect(res.status).toBe(200);
      if (res.body.status !== 'running') return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`import ${id} still running`);
  }

  async function imported(who: Client, bytes: Buffer, name: string, mode = 'all-or-nothing') {
    const res = await upload(who, bytes, name, mode);
    expect(res.status).toBe(202);
    return finished(who, res.body.id);
  }

  const registerCounts = async () => ({
    persons: await db.registerPerson.count(),
    residences: await db.personResidence.count(),
    cards: await db.householdCard.count(),
    permits: await db.temporaryPermit.count(),
    listings: await db.keyPersonListing.count(),
  });

  it('imports a CSV: buildings, doors, cards, persons (ID numbers encrypted), classes, permits and listings, audited', async () => {
    const res = await upload(officer, csv(family), '登记表.csv');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'running', mode: 'all-or-nothing', rowsDone: 0, fileName: '登记表.csv', format: 'csv' });
    const done = await finished(officer, res.body.id);
    expect(done).toMatchObject({ status: 'done', rowsTotal: 4, rowsDone: 4, rowsWritten: 4, errors: [] });
    expect(await registerCounts()).toEqual({ persons: 4, residences: 4, cards: 2, permits: 1, listings: 1 });
    const wang = await db.registerPerson.findFirstOrThrow({ where: { name: '王五' } });
    expect(wang.idNumberCipher).not.toContain(idNumber(3));
    expect(wang.idNumberHash).not.toContain(idNumber(3));
    expect(wang.idNumberTail).toBe(idNumber(3).slice(-4));
    expect(await db.personResidence.findFirst({ where: { personId: wang.id } })).toMatchObject({
      class: 'temporary',
      fromDate: '2020-01-01',
      untilDate: null,
      communityId: 'c01',
    });
    expect(await db.temporaryPermit.findFirst({ where: { personId: wang.id } })).toMatchObject({
      registeredOn: '2025-06-01',
      permitNumber: 'JZ-001',
      expiresOn: '2026-06-01',
    });
    const audit = await db.auditEntry.findMany({ where: { entity: 'RegisterImport', entityId: res.body.id, action: 'import' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('officer:o01');
    const audited = (audit[0]!.after as { rows: { line: number; personId: string; changes: string[] }[] }).rows;
    expect(audited.map((r) => [r.line, r.changes])).toEqual([
      [2, ['residence']],
      [3, ['residence']],
      [4, ['residence', 'permit']],
      [5, ['residence', 'key-person']],
    ]);
    expect(audited[2]!.personId).toBe(wang.id);
    expect(JSON.stringify(audit)).not.toContain(idNumber(1));
  });

  it('answers a re-upload of the same file with the same import, and a re-import of rows already held changes nothing', async () => {
    const before = await registerCounts();
    const first = await db.registerImport.findFirstOrThrow({ where: { communityId: 'c01', mode: 'all-or-nothing' } });
    const again = await upload(officer, csv(family), 'again.csv');
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: first.id, status: 'done', rowsWritten: 4 });
    const partial = await imported(station, csv(family), 'again.csv', 'partial');
    expect(partial.id).not.toBe(first.id);
    expect(partial).toMatchObject({ status: 'done', rowsTotal: 4, rowsWritten: 0, errors: [] });
    expect(await registerCounts()).toEqual(before);
  });

  it('moves a person to another card and re-classifies another, closing their residences and keeping the history', async () => {
    const moved = family.map((r) =>
      r.name === '张三' ? { ...r, card: 'H002', door: '102', from: '2026-02-01' } : r.name === '李四' ? { ...r, cls: '人在户在', from: '2026-03-01' } : r,
    );
    expect(await imported(officer, csv(moved), 'moved.csv')).toMatchObject({ status: 'done', rowsWritten: 2 });
    const history = async (name: string) =>
      db.personResidence.findMany({ where: { personId: (await db.registerPerson.findFirstOrThrow({ where: { name } })).id }, orderBy: { fromDate: 'asc' } });
    const zhang = await history('张三');
    expect(zhang.map((r) => [r.fromDate, r.untilDate, r.endReason, r.class])).toEqual([
      ['2020-01-01', '2026-02-01', 'moved', 'present-registered'],
      ['2026-02-01', null, null, 'present-registered'],
    ]);
    expect(zhang[0]!.cardId).not.toBe(zhang[1]!.cardId);
    const li = await history('李四');
    expect(li.map((r) => [r.fromDate, r.untilDate, r.endReason, r.class])).toEqual([
      ['2020-01-01', '2026-03-01', 'reclassified', 'registered-away'],
      ['2026-03-01', null, null, 'present-registered'],
    ]);
    // The old sheet again cannot turn the history back: its dates are before the register's.
    const old = await imported(officer, csv(family.slice(0, 1)), 'old.csv');
    expect(old).toMatchObject({ status: 'refused', rowsWritten: 0 });
    expect(old.errors).toEqual([expect.objectContaining({ line: 2, column: '起始日期', message: expect.stringContaining('since 2026-02-01') })]);
  });

  const badRows: Row[] = [
    { card: 'H010', name: '好人甲', id: idNumber(10) },
    { card: 'H010', name: '校验错', id: idNumber(11).slice(0, 17) + (idNumber(11).endsWith('1') ? '2' : '1') },
    { card: 'H010', name: '类别错', id: idNumber(12), cls: '流动人口' },
    { card: 'H010', name: '未来', id: idNumber(13), from: '2026-03-16' },
    { card: 'H010', name: '非暂住有证', id: idNumber(14), permit: 'JZ-9' },
    { card: 'H010', name: '重复', id: idNumber(10) },
    { card: 'H011', name: '好人乙', id: idNumber(15) },
  ];
  const badErrors = [
    { line: 3, column: '身份证号', message: expect.stringContaining('check character') },
    { line: 4, column: '人员类别', message: expect.stringContaining('"流动人口" is not a class') },
    { line: 5, column: '起始日期', message: expect.stringContaining('in the future (today is 2026-03-15)') },
    { line: 6, column: '居住证号', message: expect.stringContaining('only a temporary resident') },
    { line: 7, column: '身份证号', message: 'the same ID number is on line 2' },
  ];

  it('refuses a CSV with bad rows all-or-nothing, naming each line and column, and writes nothing', async () => {
    const before = await registerCounts();
    const done = await imported(officer, csv(badRows), 'bad.csv');
    expect(done).toMatchObject({ status: 'refused', rowsTotal: 7, rowsWritten: 0 });
    expect(done.errors).toEqual(badErrors);
    expect(await registerCounts()).toEqual(before);
    expect(today).toBe('2026-03-15');
  });

  it('writes the good rows of the same CSV in partial mode and lists the bad', async () => {
    const before = await registerCounts();
    const done = await imported(officer, csv(badRows), 'bad.csv', 'partial');
    expect(done).toMatchObject({ status: 'done', rowsTotal: 7, rowsDone: 7, rowsWritten: 2 });
    expect(done.errors).toEqual(badErrors);
    expect((await registerCounts()).persons).toBe(before.persons + 2);
  });

  // 钱一 is a key person with a security cadre and a parent; he and 钱二 live at door 501, let by 房东甲.
  const grouped: Row[] = [
    {
      building: '5',
      door: '501',
      card: 'G501',
      name: '钱一',
      id: idNumber(50),
      kp: '涉毒人员',
      listed: '2025-02-01',
      cadre: '刘治保',
      cadrePhone: '13900000002',
      parent: '钱父',
      landlord: '房东甲',
      rentedFrom: '2024-01-01',
      inspected: '2026-03-01',
    },
    { building: '5', door: '501', card: 'G501', name: '钱二', id: idNumber(51), landlord: '房东甲', rentedFrom: '2024-01-01', inspected: '2026-03-01' },
    { building: '5', door: '502', card: 'G502', name: '孙三', id: idNumber(52) },
  ];
  const groupCounts = async () => ({
    members: await db.helpGroupMember.count(),
    homes: await db.rentedHome.count(),
    inspections: await db.rentalInspection.count(),
  });
  const groupOf = async (name: string) => {
    const person = await db.registerPerson.findFirstOrThrow({ where: { name } });
    const listing = await db.keyPersonListing.findFirstOrThrow({ where: { personId: person.id, delistedOn: null } });
    const members = await db.helpGroupMember.findMany({ where: { listingId: listing.id }, orderBy: [{ role: 'asc' }, { fromDate: 'asc' }] });
    return members.map((m) => [m.role, m.name, m.officerId, m.phone, m.fromDate, m.untilDate]);
  };

  it("imports key persons' help groups (the community officer named) and rented homes with their inspection, audited by the API's writers; again, nothing changes", async () => {
    const before = await groupCounts();
    const done = await imported(officer, fullCsv(grouped), 'groups.csv');
    expect(done).toMatchObject({ status: 'done', rowsTotal: 3, rowsWritten: 3, errors: [] });
    const o01 = await db.officer.findUniqueOrThrow({ where: { id: 'o01' } });
    const bound = await db.binding.findFirstOrThrow({ where: { communityId: 'c01', subjectType: 'officer', subjectId: 'o01' } });
    expect(await groupOf('钱一')).toEqual([
      ['officer', o01.name, 'o01', null, bound.effectiveFrom > '2025-02-01' ? bound.effectiveFrom : '2025-02-01', null],
      ['parent', '钱父', null, null, '2025-02-01', null],
      ['security-cadre', '刘治保', null, '13900000002', '2025-02-01', null],
    ]);
    const home = await db.rentedHome.findFirstOrThrow({ where: { landlord: '房东甲' } });
    expect(home).toMatchObject({ communityId: 'c01', fromDate: '2024-01-01', untilDate: null });
    expect(await db.rentalInspection.findMany({ where: { rentedHomeId: home.id } })).toEqual([
      expect.objectContaining({ inspectedOn: '2026-03-01', inspectedBy: 'officer:o01' }),
    ]);
    expect(await groupCounts()).toEqual({ members: before.members + 3, homes: before.homes + 1, inspections: before.inspections + 1 });
    const audit = await db.auditEntry.findMany({ where: { entity: { in: ['HelpGroupMember', 'RentedHome', 'RentalInspection'] }, action: 'create' } });
    expect(audit.map((a) => [a.entity, a.actor]).sort()).toEqual([
      ['HelpGroupMember', 'officer:o01'],
      ['HelpGroupMember', 'officer:o01'],
      ['HelpGroupMember', 'officer:o01'],
      ['RentalInspection', 'officer:o01'],
      ['RentedHome', 'officer:o01'],
    ]);

    const counts = { ...(await registerCounts()), ...(await groupCounts()) };
    expect(await imported(station, fullCsv(grouped), 'groups.csv', 'partial')).toMatchObject({ status: 'done', rowsWritten: 0, errors: [] });
    expect({ ...(await registerCounts()), ...(await groupCounts()) }).toEqual(counts);

    // A new parent takes over today, the one before is kept; the cadre's phone left empty keeps it; a later inspection is recorded.
    const changed = grouped.map((r) =>
      r.door === '501' ? { ...r, inspected: '2026-03-10', ...(r.parent ? { parent: '钱母', parentPhone: '13900000003', cadrePhone: undefined } : {}) } : r,
    );
    expect(await imported(officer, fullCsv(changed), 'changed.csv')).toMatchObject({ status: 'done', rowsWritten: 1, errors: [] });
    expect((await groupOf('钱一')).filter(([role]) => role === 'parent')).toEqual([
      ['parent', '钱父', null, null, '2025-02-01', today],
      ['parent', '钱母', null, '13900000003', today, null],
    ]);
    expect((await groupOf('钱一')).filter(([role]) => role === 'security-cadre')).toEqual([
      ['security-cadre', '刘治保', null, '13900000002', '2025-02-01', null],
    ]);
    expect((await db.rentalInspection.findMany({ where: { rentedHomeId: home.id }, orderBy: { inspectedOn: 'asc' } })).map((i) => i.inspectedOn)).toEqual([
      '2026-03-01',
      '2026-03-10',
    ]);
  });

  const badGroupRows: Row[] = [
    { building: '6', door: '601', card: 'G601', name: '好人丙', id: idNumber(60), landlord: '房东丙', rentedFrom: '2025-01-01' },
    {
      building: '6',
      door: '602',
      card: 'G602',
      name: '电话错',
      id: idNumber(61),
      kp: '刑释人员',
      listed: '2025-01-01',
      cadre: '张治保',
      cadrePhone: '1'.repeat(41),
    },
    { building: '6', door: '602', card: 'G602', name: '非重点', id: idNumber(62), parent: '某家长' },
    { building: '6', door: '602', card: 'G602', name: '无名', id: idNumber(63), kp: '刑释人员', listed: '2025-01-01', parentPhone: '13900000009' },
    { building: '6', door: '603', card: 'G603', name: '无日期', id: idNumber(64), landlord: '房东丁' },
    { building: '6', door: '604', card: 'G604', name: '坏日期', id: idNumber(65), landlord: '房东戊', rentedFrom: '2025-02-30' },
    { building: '6', door: '605', card: 'G605', name: '未来检查', id: idNumber(66), landlord: '房东己', rentedFrom: '2025-01-01', inspected: '2026-04-01' },
    { building: '6', door: '606', card: 'G606', name: '先查后租', id: idNumber(67), landlord: '房东庚', rentedFrom: '2025-06-01', inspected: '2025-05-01' },
    { building: '6', door: '601', card: 'G601', name: '不一致', id: idNumber(68), landlord: '房东辛', rentedFrom: '2025-01-01' },
    { ...grouped[1]!, name: '钱二', landlord: '房东乙' },
    { ...grouped[0]!, parent: '钱姑', landlord: undefined, rentedFrom: undefined, inspected: undefined },
  ];
  const badGroupErrors = [
    { line: 3, column: '治保干部电话', message: expect.stringContaining('<=40 characters') },
    { line: 4, column: '家长', message: expect.stringContaining("a help group is a key person's") },
    { line: 5, column: '家长', message: "a member's phone needs their name" },
    { line: 6, column: '出租起始日期', message: 'a rented home needs the day it was let' },
    { line: 7, column: '出租起始日期', message: expect.stringContaining('"2025-02-30" is not a date') },
    { line: 8, column: '出租房屋最近检查日期', message: expect.stringContaining('in the future') },
    { line: 9, column: '出租房屋最近检查日期', message: 'must not be before 2025-06-01, when the home was let' },
    { line: 10, column: '出租房屋房东', message: 'line 2 has 房东丙 here for the rented home at building 6 door 601' },
    { line: 11, column: '出租房屋房东', message: expect.stringContaining('door 5-501 is let from 2024-01-01') },
    { line: 12, column: '家长', message: `the parent is 钱母 from ${today}; a change takes effect on a later day` },
  ];

  it('refuses a bad cell in each help-group and rented-home column, naming line and column; partial mode writes the good rows only', async () => {
    const before = { ...(await registerCounts()), ...(await groupCounts()) };
    const refused = await imported(officer, fullCsv(badGroupRows), 'bad-groups.csv');
    expect(refused).toMatchObject({ status: 'refused', rowsTotal: 11, rowsWritten: 0 });
    expect(refused.errors).toEqual(badGroupErrors);
    expect({ ...(await registerCounts()), ...(await groupCounts()) }).toEqual(before);

    const partial = await imported(officer, fullCsv(badGroupRows), 'bad-groups.csv', 'partial');
    expect(partial).toMatchObject({ status: 'done', rowsTotal: 11, rowsWritten: 1 });
    expect(partial.errors).toEqual(badGroupErrors);
    expect((await registerCounts()).persons).toBe(before.persons + 1);
    expect(await db.rentedHome.findFirst({ where: { landlord: '房东丙' } })).toMatchObject({ fromDate: '2025-01-01' });
    expect(await db.registerPerson.count({ where: { name: { in: ['先查后租', '不一致'] } } })).toBe(0);
    expect((await groupOf('钱一')).filter(([role]) => role === 'parent').map(([, name]) => name)).toEqual(['钱父', '钱母']);
  });

  it('reads an XLSX (dates as dates, a bad row named by its sheet row and header) in both modes', async () => {
    const rows = [
      ['2', '201', 'X001', '钱七', idNumber(20), '', '人在户在', new Date(Date.UTC(2021, 4, 6)) as unknown as string],
      ['2', '201', 'X001', '孙八', idNumber(21), '', 'temporary', '2021-05-06', '2021-05-07', '', '2021-13-01'],
    ] as (string | number)[][];
    const bytes = await xlsx(rows);
    const refused = await imported(officer, bytes, 'bad.xlsx');
    expect(refused).toMatchObject({
      status: 'refused',
      format: 'xlsx',
      rowsWritten: 0,
      errors: [{ line: 3, column: '居住证有效期至', message: expect.stringContaining('"2021-13-01" is not a date') }],
    });
    const partial = await imported(officer, bytes, 'bad.xlsx', 'partial');
    expect(partial).toMatchObject({ status: 'done', rowsWritten: 1, errors: [{ line: 3, column: '居住证有效期至' }] });
    const qian = await db.registerPerson.findFirstOrThrow({ where: { name: '钱七' } });
    expect(await db.personResidence.findFirst({ where: { personId: qian.id } })).toMatchObject({ fromDate: '2021-05-06' });
  });

  it('refuses a file without the required columns, naming them', async () => {
    const done = await imported(officer, Buffer.from('姓名,身份证号\n张三,1\n'), 'short.csv');
    expect(done.status).toBe('refused');
    expect(done.errors.map((e: { column: string }) => e.column)).toEqual(['楼栋号', '门牌号', '户号', '人员类别', '起始日期']);
  });

  it('shows progress while a large file is written in batches', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      building: '9',
      door: `9${i % 50}`,
      card: `B${i % 50}`,
      name: `居民${i}`,
      id: idNumber(i % 1000, `198${String(Math.floor(i / 1000))}0101`),
    }));
    // Another community of the station's, so that c01's export below stays small.
    const res = await upload(station, csv(many), 'many.csv', 'partial', 'c02');
    expect(res.body).toMatchObject({ status: 'running', rowsDone: 0 });
    const seen = new Set<number>();
    for (;;) {
      const body = (await station.get(`/api/register/imports/${res.body.id}`)).body;
      seen.add(body.rowsDone);
      if (body.status !== 'running') break;
    }
    expect([...seen].some((n) => n > 0 && n < 10_000)).toBe(true);
    expect((await station.get(`/api/register/imports/${res.body.id}`)).body).toMatchObject({
      status: 'done',
      rowsTotal: 10_000,
      rowsDone: 10_000,
      rowsWritten: 10_000,
    });
  }, 60_000);

  it('exports the register masked, audited and watermarked; revealed, it imports again unchanged (CSV and XLSX)', async () => {
    const masked = await brigade.get('/api/register/communities/c01/export?format=csv').buffer(true);
    expect(masked.status).toBe(200);
    const text = masked.text.replace(/^\uFEFF/, '');
    const [mark, head, ...lines] = text.trim().split('\r\n');
    expect(mark).toMatch(/^# 导出人 (.+ \()?department:renkou\)? 导出时间 2026-03-15T08:00:00.000Z$/);
    expect(head).toBe(fullHeader);
    expect(text).toContain('刘治保,13900000002,钱母,13900000003,房东甲,2024-01-01,2026-03-10');
    expect(lines.length).toBe(await db.personResidence.count({ where: { communityId: 'c01', untilDate: null } }));
    expect(text).not.toContain(idNumber(1));
    expect(text).toContain(`**************${idNumber(1).slice(-4)}`);
    expect(text).toContain('JZ-001');

    const revealed = await officer.get('/api/register/communities/c01/export?format=csv&reveal=idNumber').buffer(true);
    expect(revealed.text).toContain(idNumber(1));
    const exports = await db.auditEntry.findMany({ where: { action: 'export', entity: 'Register' }, orderBy: { id: 'asc' } });
    expect(exports.map((e) => [e.actor, (e.after as { revealed: boolean }).revealed, (e.after as { format: string }).format])).toEqual([
      ['department:renkou', false, 'csv'],
      ['officer:o01', true, 'csv'],
    ]);
    const before = await registerCounts();
    expect(await imported(officer, Buffer.from(revealed.text), 'export.csv')).toMatchObject({ status: 'done', rowsWritten: 0, errors: [] });

    const book = await officer
      .get('/api/register/communities/c01/export?format=xlsx&reveal=idNumber')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(book.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(book.body as ArrayBuffer);
    expect(read.creator).toContain('officer:o01');
    expect(read.created?.toISOString()).toBe('2026-03-15T08:00:00.000Z');
    expect(read.worksheets[0]!.headerFooter.oddHeader).toContain('导出人');
    expect(read.worksheets[0]!.headerFooter.oddHeader).toContain('导出时间 2026-03-15T08:00:00.000Z');
    expect(await imported(station, book.body as Buffer, 'export.xlsx', 'partial')).toMatchObject({
      status: 'done',
      format: 'xlsx',
      rowsWritten: 0,
      errors: [],
    });
    expect(await registerCounts()).toEqual(before);
    expect(await db.auditEntry.count({ where: { action: 'export', entity: 'Register' } })).toBe(3);
  });

  it('marks an import its process abandoned as failed, and runs it again when the file is uploaded again', async () => {
    const bytes = csv([{ card: 'H020', name: '周九', id: idNumber(30) }]);
    const id = '00000000-0000-4000-8000-000000000001';
    await db.registerImport.create({
      data: {
        id,
        countyId: testCounty,
        communityId: 'c01',
        fileName: 'crash.csv',
        format: 'csv',
        mode: 'partial',
        contentHash: createHash('sha256').update(bytes).digest('hex'),
        status: 'running',
        rowsTotal: 1,
        createdBy: 'officer:o01',
        createdAt: new Date(Date.parse(`${today}T08:00:00Z`) - abandonedAfterMs - 1000),
      },
    });
    const failed = (await officer.get(`/api/register/imports/${id}`)).body;
    expect(failed).toMatchObject({ status: 'failed', errors: [{ line: 0, message: expect.stringContaining('upload the file again') }] });
    const again = await upload(officer, bytes, 'crash.csv', 'partial');
    expect(again.body).toMatchObject({ id, status: 'running' });
    expect(await finished(officer, id)).toMatchObject({ status: 'done', rowsWritten: 1 });
  });

  it('lets only the community officer and station import, the population brigade export, and nobody else', async () => {
    const bytes = csv([{ card: 'H030', name: '吴十', id: idNumber(40) }]);
    expect((await upload(brigade, bytes, 'x.csv')).status).toBe(403);
    expect((await upload(otherDepartment, bytes, 'x.csv')).status).toBe(404);
    expect((await upload(otherOfficer, bytes, 'x.csv')).status).toBe(404);
    expect((await upload(h.api, bytes, 'x.csv')).status).toBe(403);
    expect((await otherDepartment.get('/api/register/communities/c01/export')).status).toBe(404);
    expect((await otherOfficer.get('/api/register/communities/c01/export')).status).toBe(404);
    expect((await h.api.get('/api/register/communities/c01/export')).status).toBe(403);
    const mine = await db.registerImport.findFirstOrThrow({ where: { communityId: 'c01' } });
    expect((await otherOfficer.get(`/api/register/imports/${mine.id}`)).status).toBe(404);
    expect((await brigade.get(`/api/register/imports/${mine.id}`)).status).toBe(200);
    expect((await officer.post('/api/register/communities/c01/imports').send({ file: 'x' })).status).toBe(415);
    expect(await db.registerPerson.count({ where: { name: '吴十' } })).toBe(0);
  });
});
