// CSV injection: a stored text that a spreadsheet would run as a formula leaves every export
// with a leading single quote (OWASP), in CSV and in XLSX alike; amounts stay numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/api/csv.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { expectProblem, harness } from './harness.js';
import { testCounty } from '../support/users.js';
import { reconciliationSheet } from '../support/workbook.js';

const formulas = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshSqlite('api-exports');
  h = await harness(t.db);
  await t.db.paymentObligation.createMany({
    data: formulas.map((payeeId, i) => ({
      id: `2026-Q1/subsidy/p${i}`,
      countyId: testCounty,
      cycleId: 'quarterly-2026-Q1',
      decisionId: `quarterly-2026-Q1/subsidy/p${i}`,
      kind: 'subsidy',
      payeeType: 'officer',
      payeeId,
      amountFen: 150_050,
      dueOn: '2026-04-30',
    })),
  });
});

afterAll(async () => t?.drop());

const expected = formulas.map((f) => `'${f}`).sort();

describe('the reconciliation exports', () => {
  it('neutralise formula-like text in CSV and keep amounts as numbers', async () => {
    const res = await h.api.get('/api/payments/reconciliation?period=2026-Q1&format=csv').expect(200);
    const [head, ...rows] = parseCsv(res.text).map((r) => r.fields);
    const payees = rows.slice(0, -1);
    expect(payees.map((r) => r[1]).sort()).toEqual(expected);
    expect(head![3]).toBe('decided');
    for (const r of payees) expect(r[3]).toBe('1500.50');
  });

  it('neutralise formula-like text in XLSX and keep amounts as numbers', async () => {
    const sheet = await reconciliationSheet(h.api, '2026-Q1');
    const payees = Array.from({ length: formulas.length }, (_, i) => sheet.getRow(3 + i));
    // XML stores a carriage return as a line feed.
    expect(payees.map((row) => row.getCell(2).value).sort()).toEqual(expected.map((e) => e.replace('\r', '\n')).sort());
    for (const row of payees) expect(row.getCell(4).value).toBe(1500.5);
  });

  it("are finance's and the readers' (403 for an officer); another county's finance exports none of these rows", async () => {
    await (await h.as({ role: 'finance' })).get('/api/payments/reconciliation?period=2026-Q1&format=xlsx').expect(200);
    expectProblem(await (await h.as({ role: 'officer', subjectId: 'o01' })).get('/api/payments/reconciliation?period=2026-Q1&format=csv'), 403);
    const elsewhere = await h.as({ role: 'finance', countyId: 'other-county' });
    const res = await elsewhere.get('/api/payments/reconciliation?period=2026-Q1&format=csv').expect(200);
    expect(parseCsv(res.text).map((r) => r.fields[0])).toEqual(['payeeType', 'total']);
  });
});
