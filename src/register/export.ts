// A community's register as the spreadsheet it is imported from: every person living there now,
// one row each, in the import's columns (a key person's help group as it stands, the door's open
// let and its last inspection on each of its persons' rows), so an exported file (with ID numbers revealed) imports
// again unchanged. Every file names who exported it when: a CSV in a first comment line (which the
// import skips), an XLSX in its page header and footer and in the workbook's properties.
import ExcelJS from 'exceljs';
import { csvField, inertText } from '../api/csv.js';
import type { Db } from '../db/client.js';
import { residenceClassLabels, type ResidenceClass } from '../core/register.js';
import { maskIdNumber, type PersonalDataCipher } from './personalData.js';
import { sheetColumns, type SheetKey } from './sheet.js';

export interface Watermark {
  by: string;
  at: Date;
}

// Each page binds one parameter per residence; SQLite binds at most 999 a statement.
const page = 900;

export const watermarkText = (w: Watermark) => `导出人 ${w.by} 导出时间 ${w.at.toISOString()}`;

/** The rows of the community's register, by building, door, card and name; ID numbers masked unless `reveal`. */
export async function registerRows(db: Db, personalData: PersonalDataCipher, communityId: string, reveal: boolean): Promise<Record<SheetKey, string>[]> {
  const rows: Record<SheetKey, string>[] = [];
  for (let after = 0; ;) {
    const residences = await db.personResidence.findMany({ where: { communityId, untilDate: null, id: { gt: after } }, orderBy: { id: 'asc' }, take: page });
    if (residences.length === 0) break;
    after = residences.at(-1)!.id;
    const personIds = residences.map((r) => r.personId);
    const [persons, cards, permits, listings] = await Promise.all([
      db.registerPerson.findMany({ where: { id: { in: personIds } } }),
      db.householdCard.findMany({ where: { id: { in: [...new Set(residences.map((r) => r.cardId))] } } }),
      db.temporaryPermit.findMany({ where: { personId: { in: personIds } }, orderBy: { registeredOn: 'asc' } }),
      db.keyPersonListing.findMany({ where: { personId: { in: personIds }, communityId, delistedOn: null } }),
    ]);
    const doorIds = [...new Set(cards.map((c) => c.doorId))];
    const [doors, members, homes] = await Promise.all([
      db.registerDoor.findMany({ where: { id: { in: doorIds } } }),
      db.helpGroupMember.findMany({ where: { listingId: { in: listings.map((l) => l.id) }, untilDate: null } }),
      db.rentedHome.findMany({ where: { doorId: { in: doorIds }, untilDate: null } }),
    ]);
    const [buildings, inspections] = await Promise.all([
      db.registerBuilding.findMany({ where: { id: { in: [...new Set(doors.map((d) => d.buildingId))] } } }),
      db.rentalInspection.groupBy({ by: ['rentedHomeId'], where: { rentedHomeId: { in: homes.map((h) => h.id) } }, _max: { inspectedOn: true } }),
    ]);
    const person = new Map(persons.map((p) => [p.id, p]));
    const card = new Map(cards.map((c) => [c.id, c]));
    const door = new Map(doors.map((d) => [d.id, d]));
    const building = new Map(buildings.map((b) => [b.id, b]));
    // The latest registration of each person; the open listing.
    const permit = new Map(permits.map((p) => [p.personId, p]));
    const listing = new Map(listings.map((l) => [l.personId, l]));
    // Who holds each role now, the door's let and its last inspection.
    const member = new Map(members.map((m) => [`${m.listingId}/${m.role}`, m]));
    const home = new Map(homes.map((h) => [h.doorId, h]));
    const lastInspection = new Map(inspections.map((i) => [i.rentedHomeId, i._max.inspectedOn]));
    for (const r of residences) {
      const p = person.get(r.personId)!;
      const c = card.get(r.cardId)!;
      const d = door.get(c.doorId)!;
      const t = r.class === 'temporary' ? permit.get(p.id) : undefined;
      const k = listing.get(p.id);
      const cadre = k && member.get(`${k.id}/security-cadre`);
      const parent = k && member.get(`${k.id}/parent`);
      const h = home.get(d.id);
      rows.push({
        building: building.get(d.buildingId)!.number,
        door: d.number,
        card: c.number,
        name: p.name,
        idNumber: reveal ? personalData.decrypt(p.idNumberCipher) : maskIdNumber(p.idNumberTail),
        phone: p.phone ?? '',
        class: residenceClassLabels[r.class as ResidenceClass]?.zh ?? r.class,
        fromDate: r.fromDate,
        registeredOn: t?.registeredOn ?? '',
        permitNumber: t?.permitNumber ?? '',
        permitExpiresOn: t?.expiresOn ?? '',
        keyPersonCategory: k?.category ?? '',
        listedOn: k?.listedOn ?? '',
        securityCadre: cadre?.name ?? '',
        securityCadrePhone: cadre?.phone ?? '',
        parent: parent?.name ?? '',
        parentPhone: parent?.phone ?? '',
        landlord: h?.landlord ?? '',
        rentedFrom: h?.fromDate ?? '',
        lastInspectedOn: (h && lastInspection.get(h.id)) ?? '',
      });
    }
  }
  const order = (r: Record<SheetKey, string>) => [r.building, r.door, r.card, r.name];
  return rows.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) {
      const c = x[i]!.localeCompare(y[i]!, 'zh', { numeric: true });
      if (c) return c;
    }
    return 0;
  });
}

export function registerCsv(rows: Record<SheetKey, string>[], watermark: Watermark): string {
  const lines = [`# ${watermarkText(watermark)}`, sheetColumns.map((c) => c.zh).join(',')];
  for (const row of rows) lines.push(sheetColumns.map((c) => csvField(row[c.key])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function registerXlsx(rows: Record<SheetKey, string>[], watermark: Watermark): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const mark = watermarkText(watermark);
  book.creator = watermark.by;
  book.lastModifiedBy = watermark.by;
  book.created = watermark.at;
  book.modified = watermark.at;
  book.title = '实有人口登记';
  book.description = mark;
  const sheet = book.addWorksheet('实有人口', { headerFooter: { oddHeader: `&L${mark}`, oddFooter: `&L${mark}&R&P / &N` } });
  sheet.addRow(sheetColumns.map((c) => c.zh)).font = { bold: true };
  // Every cell is text: an ID number as a number would lose its last digits, a date would turn into a serial.
  for (const row of rows) sheet.addRow(sheetColumns.map((c) => inertText(row[c.key])));
  sheet.columns.forEach((col) => (col.numFmt = '@'));
  return Buffer.from(await book.xlsx.writeBuffer());
}
