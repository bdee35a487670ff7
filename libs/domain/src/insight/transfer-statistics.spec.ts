import { TransferReason } from '../placement/transfer';
import { transferStatistics } from './placement-statistics';

describe('transfers counted by reason for the planners (issue 14)', () => {
  it('counts transfers per reason and hides small counts, as the other tables do', () => {
    const statistics = transferStatistics([
      ...Array.from({ length: 6 }, () => ({ reason: TransferReason.MOVE_ON })),
      ...Array.from({ length: 5 }, () => ({ reason: TransferReason.CARE_NEEDS })),
      { reason: TransferReason.SAFETY },
    ]);
    expect(statistics.transfers).toBe(12);
    // SAFETY is hidden, and CARE_NEEDS with it: else 12 − 6 − 5 would give SAFETY away.
    expect(statistics.transfersByReason.find((cell) => cell.key === 'CARE_NEEDS')).toMatchObject({
      count: null,
      suppressed: true,
    });
    expect(statistics.transfersByReason.find((cell) => cell.key === 'MOVE_ON')).toEqual({
      key: 'MOVE_ON',
      count: 6,
      suppressed: false,
    });
    expect(statistics.transfersByReason.find((cell) => cell.key === 'SAFETY')).toMatchObject({ count: null, suppressed: true });
    expect(statistics.transfersByReason.map((cell) => cell.key)).toEqual(Object.values(TransferReason));
  });

  it('a small total hides everything', () => {
    const statistics = transferStatistics([{ reason: TransferReason.SAFETY }, { reason: TransferReason.OTHER }]);
    expect(statistics.transfers).toBeNull();
    expect(statistics.transfersByReason.every((cell) => cell.count === null)).toBe(true);
  });
});
