import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckCharacter, normalIdNumber } from '../../src/core/idNumber.js';

describe('checkIdNumber (GB 11643)', () => {
  it('accepts numbers whose check character the standard gives, x in either case', () => {
    // The standard's worked example, and one whose check character is X.
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('11010519491231002x')).toBeNull();
    expect(checkIdNumber('440524188001010014')).toBeNull();
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(normalIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('refuses a wrong check character, saying which it should be', () => {
    expect(checkIdNumber('110105194912310021')).toBe('the check character is 1, but the first 17 digits give X');
    expect(checkIdNumber('440524188001010015')).toContain('give 4');
  });

  it('refuses the wrong length, letters and impossible birth dates', () => {
    expect(checkIdNumber('11010519491231002')).toContain('18 characters');
    expect(checkIdNumber('1101051949123100211')).toContain('18 characters');
    expect(checkIdNumber('11010519491231A02X')).toContain('18 characters');
    expect(checkIdNumber('110105194902300000'.slice(0, 17) + idNumberCheckCharacter('11010519490230000'))).toContain('19490230');
    expect(checkIdNumber('110105179912310000'.slice(0, 17) + idNumberCheckCharacter('11010517991231000'))).toContain('17991231');
  });
});
