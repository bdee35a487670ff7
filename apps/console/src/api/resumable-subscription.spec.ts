import { describe, expect, it } from '@jest/globals';
import { ResumableSubscription } from './resumable-subscription';

const REQUEST_UPDATED = `subscription PlacementRequestUpdated($id: ID, $after: ID) {
  placementRequestUpdated(id: $id, after: $after) { sequence id status }
}`;
const CAPACITY_CHANGED = `subscription CapacityChanged($regionCodes: [ID!], $current: Boolean) {
  capacityChanged(regionCodes: $regionCodes, current: $current) { id }
}`;
const update = (sequence: string) => ({ data: { placementRequestUpdated: { sequence, id: 'r-1', status: 'OFFERED' } } });

describe('a subscription resumes after a dropped socket (issue 15: updates missed while away)', () => {
  it('first subscribes as the screen asked, without after or current', () => {
    const subscription = new ResumableSubscription({ query: REQUEST_UPDATED, variables: { id: 'r-1' } });
    subscription.seen(update('41'));
    expect(subscription.payload.variables).toEqual({ id: 'r-1' });
  });

  it('after the socket closed, resubscribes with the highest sequence it saw, compared as integers', () => {
    const subscription = new ResumableSubscription({ query: REQUEST_UPDATED, variables: { id: 'r-1' } });
    subscription.seen(update('9'));
    subscription.seen(update('10'));
    subscription.seen(update('8')); // a late one: never moves it back
    subscription.socketClosed();
    expect(subscription.payload.variables).toEqual({ id: 'r-1', after: '10' });
    // Seen more after the reconnect, then dropped again: from there.
    subscription.seen(update('12'));
    subscription.socketClosed();
    expect(subscription.payload.variables).toEqual({ id: 'r-1', after: '12' });
  });

  it('a subscription that saw nothing yet has nothing to resume from', () => {
    const subscription = new ResumableSubscription({ query: REQUEST_UPDATED, variables: {} });
    subscription.seen({ data: null, errors: [{ message: 'denied' }] });
    subscription.socketClosed();
    expect(subscription.payload.variables).toEqual({});
  });

  it('capacityChanged resubscribes with current: true, so the counts are re-derived', () => {
    const subscription = new ResumableSubscription({ query: CAPACITY_CHANGED, variables: { regionCodes: ['RR'] } });
    expect(subscription.payload.variables).toEqual({ regionCodes: ['RR'] });
    subscription.socketClosed();
    expect(subscription.payload.variables).toEqual({ regionCodes: ['RR'], current: true });
  });

  it('an operation that declares neither variable is resent unchanged', () => {
    const query = 'subscription { regionCapacityChanged { regionCode } }';
    const subscription = new ResumableSubscription({ query, variables: {} });
    subscription.seen({ data: { regionCapacityChanged: { regionCode: 'RR', sequence: '3' } } });
    subscription.socketClosed();
    expect(subscription.payload.variables).toEqual({});
  });

  it('leaves the caller’s request alone (urql keys its operations by it)', () => {
    const variables = { id: 'r-1' };
    const subscription = new ResumableSubscription({ query: REQUEST_UPDATED, variables });
    subscription.seen(update('5'));
    subscription.socketClosed();
    expect(variables).toEqual({ id: 'r-1' });
  });
});
