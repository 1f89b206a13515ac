// A register sheet's rows checked one by one, before anything reaches the database: every cell a
// row needs, each in its form, naming the line and the column (as the file's header names it).
import { checkIdNumber, normalIdNumber } from '../core/idNumber.js';
import { residenceClasses, residenceClassLabels, type ResidenceClass } from '../core/register.js';
import { memberBody } from '../api/routes/registerKeyPersons.schemas.js';
import { rentedHomeBody } from '../api/routes/registerRecords.schemas.js';
import { sheetColumns, type SheetError, type SheetKey, type SheetRow } from './sheet.js';

/** A row as it will be written. */
export interface ImportRow {
  line: number;
  building: string;
  door: string;
  card: string;
  name: string;
  idNumber: string;
  phone: string | null;
  class: ResidenceClass;
  fromDate: string;
  permit: { registeredOn: string; permitNumber: string | null; expiresOn: string | null } | null;
  keyPerson: { category: string; listedOn: string } | null;
  /** The help group's members the row names besides the community officer (importGroups.ts writes them). */
  helpGroup: Record<'security-cadre' | 'parent', { name: string; phone: string | null } | null> | null;
  /** The rented home at the row's door. */
  rentedHome: { landlord: string; fromDate: string; lastInspectedOn: string | null } | null;
}

const rentedHomeKeys = ['landlord', 'rentedFrom', 'lastInspectedOn'] as const;

const classByLabel = new Map<string, ResidenceClass>(
  residenceClasses.flatMap((c) => [[c, c] as const, [residenceClassLabels[c].zh, c] as const, [residenceClassLabels[c].en.toLowerCase(), c] as const]),
);

const isDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Checks the rows of one file; `today` is the bureau's day, after which no date may lie. */
export function checkRows(rows: SheetRow[], header: Partial<Record<SheetKey, string>>, today: string): { good: ImportRow[]; errors: SheetError[] } {
  const good: ImportRow[] = [];
  const errors: SheetError[] = [];
  const lineOfId = new Map<string, number>();
  const doorOfCard = new Map<string, { line: number; building: string; door: string }>();
  const rentedHomeOfDoor = new Map<string, SheetRow>();
  for (const row of rows) {
    const rowErrors: SheetError[] = [];
    const fail = (key: SheetKey, message: string) => {
      rowErrors.push({ line: row.line, column: header[key] ?? sheetColumns.find((c) => c.key === key)!.zh, message });
      return undefined;
    };
    const text = (key: SheetKey, max: number, required = true) => {
      const v = row.cells[key];
      if (v === undefined) return required ? fail(key, 'is empty') : null;
      return v.length > max ? fail(key, `is longer than ${max} characters`) : v;
    };
    const day = (key: SheetKey, past = true) => {
      const v = row.cells[key];
      if (v === undefined) return null;
      if (!isDay(v)) return fail(key, `"${v}" is not a date as YYYY-MM-DD`);
      return past && v > today ? fail(key, `${v} is in the future (today is ${today})`) : v;
    };

    const building = text('building', 64);
    const door = text('door', 64);
    const card = text('card', 64);
    const name = text('name', 100);
    const phone = text('phone', 30, false);
    if (phone && !/^\+?[\d\s-]{3,30}$/.test(phone)) fail('phone', `"${phone}" is not a telephone number`);

    let idNumber: string | undefined;
    const rawId = row.cells.idNumber;
    if (rawId === undefined) fail('idNumber', 'is empty');
    else {
      const why = checkIdNumber(rawId);
      if (why) fail('idNumber', why);
      else {
        idNumber = normalIdNumber(rawId);
        const first = lineOfId.get(idNumber);
        if (first !== undefined) fail('idNumber', `the same ID number is on line ${first}`);
        else lineOfId.set(idNumber, row.line);
      }
    }

    const rawClass = row.cells.class;
    const cls = rawClass === undefined ? undefined : (classByLabel.get(rawClass) ?? classByLabel.get(rawClass.toLowerCase()));
    if (rawClass === undefined) fail('class', 'is empty');
    else if (!cls) fail('class', `"${rawClass}" is not a class; expected ${residenceClasses.map((c) => `${residenceClassLabels[c].zh} (${c})`).join(', ')}`);

    const fromDate = row.cells.fromDate === undefined ? fail('fromDate', 'is empty') : day('fromDate');

    const registeredOn = day('registeredOn');
    const permitNumber = text('permitNumber', 64, false);
    const expiresOn = day('permitExpiresOn', false);
    let permit: ImportRow['permit'] = null;
    if (cls && cls !== 'temporary') {
      for (const key of ['registeredOn', 'permitNumber', 'permitExpiresOn'] as const) {
        if (row.cells[key] !== undefined)
          fail(key, `only a temporary resident (暂住人口) has a registration or permit; this row's class is ${residenceClassLabels[cls].zh}`);
      }
    } else if (registeredOn) permit = { registeredOn, permitNumber: permitNumber ?? null, expiresOn: expiresOn ?? null };
    else if (row.cells.registeredOn === undefined && (row.cells.permitNumber !== undefined || row.cells.permitExpiresOn !== undefined)) {
      fail('registeredOn', 'a permit needs the date of the temporary registration');
    }

    const category = text('keyPersonCategory', 50, false);
    const listedOn = day('listedOn');
    let keyPerson: ImportRow['keyPerson'] = null;
    if (category && listedOn) keyPerson = { category, listedOn };
    else if (category && row.cells.listedOn === undefined) fail('listedOn', 'a key person needs the date they were listed');
    else if (!category && row.cells.listedOn !== undefined) fail('keyPersonCategory', 'a listing date needs the key-person category');

    // Names, phones and landlords by the API's own rules for them.
    const valid = (key: SheetKey, schema: typeof memberBody.shape.name) => {
      const v = row.cells[key];
      if (v === undefined) return null;
      const parsed = schema.safeParse(v);
      return parsed.success ? parsed.data : fail(key, `"${v}": ${parsed.error.issues[0]!.message}`);
    };
    const member = (nameKey: SheetKey, phoneKey: SheetKey): { name: string; phone: string | null } | null => {
      const memberName = valid(nameKey, memberBody.shape.name);
      const memberPhone = valid(phoneKey, memberBody.shape.phone.unwrap());
      if (memberName === null && memberPhone !== null) fail(nameKey, "a member's phone needs their name");
      return memberName && memberPhone !== undefined ? { name: memberName, phone: memberPhone } : null;
    };
    const helpGroup = { 'security-cadre': member('securityCadre', 'securityCadrePhone'), parent: member('parent', 'parentPhone') };
    const namesGroup = row.cells.securityCadre !== undefined || row.cells.parent !== undefined;
    if (namesGroup && category === null)
      fail(
        row.cells.securityCadre ? 'securityCadre' : 'parent',
        `a help group is a key person's; this row has no ${header.keyPersonCategory ?? '重点人口类别'}`,
      );

    const landlord = valid('landlord', rentedHomeBody.shape.landlord);
    const rentedFrom = day('rentedFrom');
    const lastInspectedOn = day('lastInspectedOn');
    if (landlord !== null && row.cells.rentedFrom === undefined) fail('rentedFrom', 'a rented home needs the day it was let');
    if (landlord === null && (row.cells.rentedFrom ?? row.cells.lastInspectedOn) !== undefined) fail('landlord', 'a rented home needs its landlord');
    const rentedHome = landlord && rentedFrom ? { landlord, fromDate: rentedFrom, lastInspectedOn: lastInspectedOn ?? null } : null;
    // The rented home is the door's: every row of the door that states it states the same.
    if (building && door && rentedHomeKeys.some((k) => row.cells[k] !== undefined)) {
      const doorKey = JSON.stringify([building, door]);
      const first = rentedHomeOfDoor.get(doorKey);
      const differs = first && rentedHomeKeys.find((k) => first.cells[k] !== row.cells[k]);
      if (!first) rentedHomeOfDoor.set(doorKey, row);
      else if (differs)
        fail(differs, `line ${first.line} has ${first.cells[differs] ?? 'nothing'} here for the rented home at building ${building} door ${door}`);
    }

    if (building && door && card) {
      const filed = doorOfCard.get(card);
      if (!filed) doorOfCard.set(card, { line: row.line, building, door });
      else if (filed.building !== building || filed.door !== door) {
        fail('card', `card ${card} is at building ${filed.building} door ${filed.door} on line ${filed.line}`);
      }
    }

    if (rowErrors.length) errors.push(...rowErrors);
    else
      good.push({
        line: row.line,
        building: building!,
        door: door!,
        card: card!,
        name: name!,
        idNumber: idNumber!,
        phone: phone ?? null,
        class: cls!,
        fromDate: fromDate!,
        permit,
        keyPerson,
        helpGroup: namesGroup ? helpGroup : null,
        rentedHome,
      });
  }
  return { good, errors };
}
