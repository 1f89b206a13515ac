// `npm run bench -- register-import`, one run: a county's 100,000 persons imported into a fresh
// database (sqlite or postgresql, argv[2]) as one CSV or XLSX file (argv[3]) per community, through
// the import the API runs (parse, check, encrypt and hash, write in batches). Prints JSON: the
// wall time of all the county's imports, rows per second, and a second upload's (every row
// already held, nothing written).
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { createLogger } from '../src/api/log.js';
import { idNumberCheckCharacter } from '../src/core/idNumber.js';
import { startImport, type ImportFormat } from '../src/register/imports.js';
import { personalDataCipher } from '../src/register/personalData.js';
import { sheetColumns } from '../src/register/sheet.js';
import { freshPostgres, freshSqlite } from '../test/support/db.js';

const provider = process.argv[2] ?? 'sqlite';
const format = (process.argv[3] ?? 'csv') as ImportFormat;
const persons = Number(process.env.BENCH_PERSONS ?? 100_000);
const communities = 10;
const classes = ['人在户在', '人在户在', '人在户在', '户在人不在', '人在户不在', '暂住人口'];

function rowsOf(community: number): string[][] {
  const n = persons / communities;
  return Array.from({ length: n }, (_, i) => {
    const k = community * n + i;
    const first17 = `1101${String(community).padStart(2, '0')}19${String(50 + (k % 50)).padStart(2, '0')}0101${String(Math.floor(k / 50))
      .padStart(3, '0')
      .slice(-3)}`;
    const cls = classes[k % classes.length]!;
    // Three persons a card, forty buildings.
    const card = Math.floor(i / 3);
    const temporary = cls === '暂住人口';
    return [
      String(1 + (card % 40)),
      String(100 + Math.floor(card / 40)),
      `H${card}`,
      `居民${k}`,
      first17 + idNumberCheckCharacter(first17),
      `138${String(k).padStart(8, '0')}`,
      cls,
      '2020-01-01',
      temporary ? '2024-05-01' : '',
      temporary ? `JZ${k}` : '',
      temporary ? '2027-05-01' : '',
      k % 200 === 0 ? '涉毒人员' : '',
      k % 200 === 0 ? '2023-01-01' : '',
    ];
  });
}

async function fileOf(rows: string[][]): Promise<Buffer> {
  const header = sheetColumns.map((c) => c.zh);
  if (format === 'csv') return Buffer.from([header, ...rows].map((r) => r.join(',')).join('\n'));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('登记表');
  sheet.addRows([header, ...rows]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function main() {
  const t = provider === 'postgresql' ? await freshPostgres('bench-register-import') : await freshSqlite('bench-register-import');
  const { db } = t;
  await db.county.create({ data: { id: 'bench', name: '基准县公安局' } });
  for (let c = 0; c < communities; c++)
    await db.community.create({ data: { id: `c${c}`, countyId: 'bench', name: `社区${c}`, population: 10000, complexity: 3 } });
  const files = await Promise.all(Array.from({ length: communities }, (_, c) => fileOf(rowsOf(c))));
  const deps = {
    db,
    personalData: personalDataCipher(randomBytes(32)),
    log: createLogger({ level: 'error' }),
    now: () => new Date(),
    today: () => '2026-03-15',
  };
  const actor = { id: 'bench:officer', countyId: 'bench', role: 'officer' };

  const importAll = async (mode: 'partial' | 'all-or-nothing') => {
    const started = performance.now();
    for (let c = 0; c < communities; c++) {
      const { record } = await startImport(deps, {
        countyId: 'bench',
        communityId: `c${c}`,
        fileName: `c${c}.${format}`,
        format,
        mode,
        bytes: files[c]!,
        actor,
      });
      for (;;) {
        const r = await db.registerImport.findUniqueOrThrow({ where: { id: record.id } });
        if (r.status !== 'running') {
          if (r.status !== 'done' || (r.errors as unknown[]).length) throw new Error(`import of c${c}: ${r.status} ${JSON.stringify(r.errors).slice(0, 300)}`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    return performance.now() - started;
  };
  const firstMs = await importAll('all-or-nothing');
  const written = await db.registerPerson.count();
  if (written !== persons) throw new Error(`expected ${persons} persons, found ${written}`);
  // The same files again under the other mode: a new import each, every row already held.
  const againMs = await importAll('partial');
  await t.drop();
  console.log(JSON.stringify({ persons, firstMs: Math.round(firstMs), rowsPerSecond: Math.round(persons / (firstMs / 1000)), againMs: Math.round(againMs) }));
}

void main();
