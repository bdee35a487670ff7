import { bounded } from './bounded';
import { type AnyQueue, QueueFactory, QueueName } from './queue-factory';

/**
 * One queue kept open to be read by a probe (`/ready`, `/metrics`), re-opened after a read that
 * failed. BullMQ checks the server's version once, when a queue is opened; if Redis hung at that
 * moment the check times out and the queue fails every call from then on, even after Redis is back
 * (red team, issue 15, F4: `/metrics` said `queue_up 0` for 20 minutes while `/ready` said up).
 * A fresh queue after each failure lets the probe recover as the queue itself does.
 */
export class QueueProbe {
  private queue: AnyQueue<unknown> | undefined;

  constructor(
    private readonly factory: QueueFactory,
    readonly name: QueueName,
    /** A read that takes longer than this fails: a probe must answer while Redis does not. */
    private readonly timeoutMs: number,
  ) {}

  async read<T>(work: (queue: AnyQueue<unknown>) => Promise<T>): Promise<T> {
    const queue = (this.queue ??= this.factory.queue(this.name));
    try {
      return await bounded(work(queue), this.timeoutMs, `queue ${this.name}`);
    } catch (error) {
      if (this.queue === queue) {
        this.queue = undefined;
        this.factory.discard(queue);
      }
      throw error;
    }
  }
}
