// A resident identity card number (GB 11643-1999): 17 digits — region, birth date, sequence — and a
// check character computed from them (ISO 7064 MOD 11-2), a digit or X. Checking it catches the
// typing and transcription errors that would otherwise file one person twice.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** The check character of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkCharacters[sum % 11]!;
}

/** Null when `id` is a well-formed ID number (upper- or lower-case x), else why not. */
export function checkIdNumber(id: string): string | null {
  const s = normalIdNumber(id);
  if (!/^\d{17}[\dX]$/.test(s)) return 'expected 18 characters: 17 digits and a digit or X';
  const birth = s.slice(6, 14);
  const day = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10).replace(/-/g, '') !== birth || birth < '18000101') {
    return `characters 7–14 (${birth}) are not a date of birth`;
  }
  const expected = idNumberCheckCharacter(s);
  return s[17] === expected ? null : `the check character is ${s[17]}, but the first 17 digits give ${expected}`;
}

/** An ID number as stored and compared: trimmed, x upper-cased. */
export const normalIdNumber = (id: string): string => id.trim().toUpperCase();
