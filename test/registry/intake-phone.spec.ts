/**
 * A facility's intake line enters the register only as a Dutch phone number, and is stored in E.164
 * whatever way it was written; a register with one wrong number is refused whole, with an error
 * naming the facility and the field. The database refuses any other form, also from SQL.
 */
import { loadRegister } from '@opvangplek/composition';
import { RegisterEntryError } from '@opvangplek/registry/register-loader';
import { insertFacilities, newFacility, REGIONS } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe("a facility's intake phone number in the register", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const storedPhones = async (): Promise<Record<string, string | null>> =>
    Object.fromEntries(
      (await database.dataSource.query(`SELECT key, intake_phone FROM facilities ORDER BY key`)).map(
        (row: { key: string; intake_phone: string | null }) => [row.key, row.intake_phone],
      ),
    );

  it('is stored in E.164 however it was written, and may be absent', async () => {
    await insertFacilities(database.dataSource, [
      newFacility({ key: 'phone-local', intakePhone: '010-000 00 11' }),
      newFacility({ key: 'phone-international', intakePhone: '+31 (0)10 000 0012' }),
      newFacility({ key: 'phone-mobile', intakePhone: '06-00000013' }),
      newFacility({ key: 'phone-none', intakePhone: null }),
    ]);
    expect(await storedPhones()).toEqual({
      'phone-local': '+31100000011',
      'phone-international': '+31100000012',
      'phone-mobile': '+31600000013',
      'phone-none': null,
    });
  });

  it('refuses a register with a number that is not Dutch, naming the facility and the field, and loads none of it', async () => {
    const before = await storedPhones();
    const load = loadRegister(
      database.dataSource,
      {
        regions: [REGIONS.RR],
        facilities: [
          newFacility({ key: 'phone-fine', intakePhone: '010 000 0020' }),
          newFacility({ key: 'phone-belgian', intakePhone: '+32 2 123 45 67' }),
        ],
      },
      { now: new Date() },
    );
    await expect(load).rejects.toThrow(RegisterEntryError);
    await expect(load).rejects.toMatchObject({
      field: 'facilities[1].intakePhone',
      message: expect.stringMatching(
        /^facilities\[1\]\.intakePhone \(facility 'phone-belgian'\): "\+32 2 123 45 67" is not a Dutch phone number; give 10 digits starting with 0/,
      ),
    });
    expect(await storedPhones()).toEqual(before);
  });

  it.each(['112', '010-12345', '0101234567890', 'bel de receptie'])('refuses "%s"', async (written) => {
    await expect(
      loadRegister(
        database.dataSource,
        { regions: [REGIONS.RR], facilities: [newFacility({ intakePhone: written })] },
        { now: new Date() },
      ),
    ).rejects.toMatchObject({ field: 'facilities[0].intakePhone' });
  });

  it('the database refuses any other form than E.164, also when written with SQL', async () => {
    for (const value of ['010-0000011', '+310100000011', '+32212345 67', '']) {
      await expect(
        database.dataSource.query(`UPDATE facilities SET intake_phone = $1 WHERE key = 'phone-local'`, [value]),
      ).rejects.toThrow(/facilities_intake_phone_e164/);
    }
    expect((await storedPhones())['phone-local']).toBe('+31100000011');
  });
});
