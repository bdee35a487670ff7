/**
 * The requesters of the simulated year: each asks the service at her person's first contact, on a
 * timer of her own. Asked at the simulation's next tick instead, every time measured carried part
 * of a tick (a tick is 2–6 simulated minutes at the measuring speed; the second year's asks came
 * p50 1.2 minutes after contact): the simulation's lateness, not the service's.
 */
import type { SimulatedClock } from '@opvangplek/platform';
import { askFor, type Caller, type NoodbedAnswer } from './agents';
import type { Arrival } from './demand';

/** How far ahead (wall ms) a requester's timer is set: several ticks, so none is set after its moment. */
const LOOK_AHEAD_WALL_MS = 200;
const MINUTE_MS = 60_000;

export interface Requester {
  arrival: Arrival;
  requestId?: string;
  /** A raid announced ahead: the service makes its requests at the window's start, unless planning it failed. */
  plan?: { failed?: boolean };
  /** Simulated ms when the police were told a noodbed (requestNoodbed answered with one). */
  noodbedToldAt?: number;
}

export interface RequesterTokens {
  police: string;
  coordinator: string;
  nla: string;
  youthCare: string;
}

export class Requesters {
  private next = 0;
  /** Requesters on their timer: set, not yet asked; with the wall moment the timer was set for. */
  private readonly armed = new Map<Requester, { timer: NodeJS.Timeout; wallMs: number }>();
  /** Asks on their way: the service has not answered yet. */
  unanswered = 0;
  /** How late each asked after her contact, in simulated minutes, and the speed then. */
  readonly lateness: { minutes: number; speed: number }[] = [];
  readonly noodbedAnswers = { withPlace: 0, withoutPlace: 0, byKind: {} as Record<string, number> };

  /** `people` in order of first contact. */
  constructor(
    private readonly people: readonly Requester[],
    private readonly clock: SimulatedClock,
    private readonly caller: Caller,
    private readonly who: RequesterTokens,
  ) {}

  /**
   * Sets the timer of everyone whose contact comes within the look-ahead, and sets again each timer
   * whose contact now comes sooner in wall time (the speed rose since: a timer set while attending
   * at 300× would fire ten times too late at 3,000×); called every tick.
   */
  armDue(): void {
    for (const [person, { timer, wallMs }] of this.armed)
      if (this.clock.wallAt(person.arrival.at.getTime()) < wallMs - 1) {
        clearTimeout(timer);
        this.arm(person);
      }
    while (
      this.next < this.people.length &&
      this.clock.wallAt(this.people[this.next].arrival.at.getTime()) - Date.now() <= LOOK_AHEAD_WALL_MS
    )
      this.arm(this.people[this.next++]);
  }

  /** How many have had their first contact (asked, or not needing to). */
  get arrived(): number {
    return this.next - this.armed.size;
  }

  /** The first contact still to come (armed or not): the calm speed ends a margin before it. */
  nextContactMs(): number | null {
    let first = this.next < this.people.length ? this.people[this.next].arrival.at.getTime() : null;
    for (const person of this.armed.keys()) first = Math.min(first ?? Infinity, person.arrival.at.getTime());
    return first;
  }

  /** Asks for everyone whose contact has come (the run's end), and waits until every timer has fired. */
  async settle(): Promise<void> {
    this.armDue();
    while (this.armed.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  stop(): void {
    for (const { timer } of this.armed.values()) clearTimeout(timer);
    this.armed.clear();
  }

  private arm(person: Requester): void {
    const at = person.arrival.at.getTime();
    const wallMs = this.clock.wallAt(at);
    const timer = setTimeout(
      () => {
        // Early: the speed dropped since the timer was set (a calm stretch ended sooner). Set it again for the rest.
        if (this.clock.now().getTime() < at) return this.arm(person);
        this.armed.delete(person);
        this.ask(person);
      },
      Math.max(1, wallMs - Date.now()),
    );
    this.armed.set(person, { timer, wallMs });
  }

  private ask(person: Requester): void {
    this.lateness.push({
      minutes: (this.clock.now().getTime() - person.arrival.at.getTime()) / MINUTE_MS,
      speed: this.clock.speed,
    });
    // A planned raid's people become requests by the service itself (the action's start).
    if (person.plan && !person.plan.failed) return;
    const ask = askFor(person.arrival);
    const token =
      person.arrival.channel === 'NLA'
        ? this.who.nla
        : person.arrival.channel === 'COORDINATOR'
          ? this.who.coordinator
          : ask.noodbed
            ? this.who.police
            : // The police hand a minor to youth care and a group to the coordinator (requestPlacement is not theirs).
              person.arrival.classes.includes('minor')
              ? this.who.youthCare
              : this.who.coordinator;
    this.unanswered++;
    void this.caller
      .call<Record<string, { id: string }>>(token, ask.query, ask.variables)
      .finally(() => this.unanswered--)
      .then((answer) => {
        if (!answer) return;
        person.requestId = Object.values(answer)[0].id;
        const told = (answer as NoodbedAnswer).requestNoodbed?.facility;
        if (!ask.noodbed) return;
        this.noodbedAnswers[told ? 'withPlace' : 'withoutPlace']++;
        if (!told) return;
        // A full noodbed is stood in for by a 24/7 interim place (VO/MO): which kind the police were told.
        this.noodbedAnswers.byKind[told.type] = (this.noodbedAnswers.byKind[told.type] ?? 0) + 1;
        person.noodbedToldAt = this.clock.now().getTime();
      });
  }
}
