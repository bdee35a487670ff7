import { isE164DutchPhoneNumber, toE164DutchPhoneNumber } from './phone-number';

describe('Dutch phone numbers', () => {
  it.each([
    ['010-1234567', '+31101234567'],
    ['010 123 45 67', '+31101234567'],
    ['(010) 123 4567', '+31101234567'],
    ['+31 10 123 4567', '+31101234567'],
    ['+31 (0)10 123 4567', '+31101234567'],
    ['0031 10 1234567', '+31101234567'],
    ['06-12345678', '+31612345678'],
    ['0546 123456', '+31546123456'],
    ['088 123 4567', '+31881234567'],
    ['0800-1234', '+318001234'],
    ['0800 123 4567', '+318001234567'],
    ['  020.000.0123 ', '+31200000123'],
  ])('%s is stored as %s', (text, e164) => {
    expect(toE164DutchPhoneNumber(text)).toBe(e164);
    expect(isE164DutchPhoneNumber(e164)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['112', 'an emergency short number, not a line to call back'],
    ['010-123456', 'one digit short'],
    ['010-12345678', 'one digit too many'],
    ['00 10 1234567', 'a trunk prefix where the area code should be'],
    ['+32 2 123 45 67', 'a Belgian number'],
    ['+44 20 7946 0000', 'a British number'],
    ['1012345678', 'no trunk prefix and no country code'],
    ['010-123456a', 'a letter'],
    ['010-1234567 ext 2', 'an extension'],
    ['0800-12345', 'a service number of 5 digits'],
  ])('%s is refused (%s)', (text) => {
    expect(toE164DutchPhoneNumber(text)).toBeNull();
  });

  it('a number in another form than E.164 is not taken for a stored one', () => {
    expect(isE164DutchPhoneNumber('010-1234567')).toBe(false);
    expect(isE164DutchPhoneNumber('+31 10 123 4567')).toBe(false);
    expect(isE164DutchPhoneNumber('+310101234567')).toBe(false);
  });
});
