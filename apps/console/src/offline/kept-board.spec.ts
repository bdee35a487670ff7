import { describe, expect, it } from '@jest/globals';
import type { Facility } from '../api/types';
import { keepable } from './kept-board';

/** The secret shelter as its own staff see it live: everything that locates it. */
const ownSecretShelter: Facility = {
  id: 'f-1',
  name: 'Arosa – Het Baken',
  type: 'VROUWENOPVANG',
  secretAddress: true,
  municipality: 'Rotterdam',
  address: 'Kastanjestraat 62, 3083 KX Rotterdam',
  intakePhone: '+31200003487',
  latitude: 51.9372,
  longitude: 4.4952,
  region: { code: 'RR', name: 'Rotterdam Rijnmond', latitude: 51.92, longitude: 4.48 },
  intake: { openNow: true, alwaysOpen: false, description: 'ma-vr 09:00-17:00, Kastanjestraat' },
  capacity: { total: 11, occupied: 8, held: 1, outOfService: 0, available: 2 } as Facility['capacity'],
  availability: { band: 'AVAILABLE', freshness: 'FRESH' },
};

describe('the bed board kept on a phone for when the network drops', () => {
  it('keeps nothing that locates a secret shelter, not even for its own staff (a phone can be lost or left logged in)', () => {
    const kept = keepable(ownSecretShelter);
    expect(kept).toMatchObject({ id: 'f-1', type: 'VROUWENOPVANG', secretAddress: true, availability: { band: 'AVAILABLE' } });
    expect(JSON.stringify(kept)).not.toMatch(/Baken|Kastanjestraat|3487|51\\.93|4\\.49|Arosa/);
    expect(kept.capacity).toBeNull();
  });

  it('keeps a public shelter as shown', () => {
    const open = { ...ownSecretShelter, secretAddress: false };
    expect(keepable(open)).toEqual(open);
  });
});
