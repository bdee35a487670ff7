import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { audit, type Viewer } from '@opvangplek/access';
import {
  APP_CONFIG,
  type AppConfig,
  CLOCK,
  type Clock,
  FIELD_CIPHER,
  FieldCipher,
  InvalidInputError,
  NotFoundError,
} from '@opvangplek/platform';
import {
  EscalationFunction,
  escalationCoverage,
  type RegionCoverage,
  uncoveredRegions,
  unreachableRegions,
} from '@opvangplek/domain';
import { RegistryService } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';
import type { CreateWebhookInput } from './dto/create-webhook.input';
import { receiverUrlProblem } from './receiver-url';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookQueue } from './webhook-queue';
import { secretContext } from './webhook-secrets';
import { newWebhookSecret } from './webhook-signature';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

const ORGANISATION = /^[a-z0-9][a-z0-9-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_FACILITY_IDS = 200;

/** An endpoint with whether it can be reached (its latest finished delivery was not a dead letter). */
export type WebhookWithReach = WebhookSubscriptionEntity & { reachable: boolean };

/** ADMIN's side of webhooks: registering endpoints, and seeing and re-sending dead letters. */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: WebhookQueue,
    private readonly outbox: WebhookOutbox,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: RegistryService,
  ) {}

  async create(viewer: Viewer, input: CreateWebhookInput): Promise<{ webhook: WebhookSubscriptionEntity; secret: string }> {
    if (!ORGANISATION.test(input.organisation))
      throw new InvalidInputError(
        'organisation',
        'organisation must be lower-case letters, digits and dashes (at most 64), as in its tokens',
      );
    const urlProblem = receiverUrlProblem(input.url, this.config.webhooks.allowInsecure);
    if (urlProblem) throw new InvalidInputError('url', `url ${urlProblem}`);
    if (input.events.length === 0) throw new InvalidInputError('events', 'events must name at least one WebhookEventType');
    const facilityIds = [...new Set(input.facilityIds ?? [])];
    const regions = [...new Set(input.escalationRegions ?? [])];
    const deciderRegions = [...new Set(input.deciderRegions ?? [])];
    if (input.contactFunction && regions.length === 0)
      throw new InvalidInputError(
        'contactFunction',
        'contactFunction is for an escalation contact: name its escalationRegions too',
      );
    if (deciderRegions.length > 0 && !input.deciderRole)
      throw new InvalidInputError('deciderRegions', 'deciderRegions need a deciderRole (the role whose regions they are)');
    const notAnId = facilityIds.find((id) => !UUID.test(id));
    if (notAnId !== undefined)
      throw new InvalidInputError(
        'facilityIds',
        `facilityIds must be facility ids (UUIDs, as the facilities query gives them); "${notAnId.slice(0, 40)}" is not one`,
      );
    if (facilityIds.length > MAX_FACILITY_IDS)
      throw new InvalidInputError('facilityIds', `facilityIds may name at most ${MAX_FACILITY_IDS} facilities`);
    // The register is the registry's: its facilities and regions are looked up through it.
    if ((await this.registry.unknownFacilityIds(facilityIds)).length > 0)
      throw new InvalidInputError('facilityIds', 'facilityIds names a facility that is not in the register');
    if (regions.length > 0 || deciderRegions.length > 0) {
      const codes = new Set((await this.registry.regions()).map((region) => region.code));
      for (const [field, named] of [
        ['escalationRegions', regions],
        ['deciderRegions', deciderRegions],
      ] as const) {
        if (named.some((code) => !codes.has(code)))
          throw new InvalidInputError(field, `${field} names a region that does not exist`);
      }
    }
    const created = await this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      const secret = newWebhookSecret();
      const webhook = await manager.getRepository(WebhookSubscriptionEntity).save({
        id,
        organisation: input.organisation,
        url: input.url,
        events: [...new Set(input.events)],
        facilityIds,
        escalationRegions: regions,
        contactFunction: regions.length > 0 ? (input.contactFunction ?? EscalationFunction.OTHER) : null,
        deciderRole: input.deciderRole ?? null,
        deciderRegions,
        sealedSecret: this.cipher.seal(secret, secretContext(id)),
        active: true,
        createdBy: viewer.sub,
      });
      await audit(
        manager,
        { sub: viewer.sub, role: viewer.role, org: viewer.org },
        { action: 'webhook.created', detail: `${webhook.id} for ${webhook.organisation}: ${webhook.events.join(',')}` },
        this.clock.now(),
      );
      return { webhook, secret };
    });
    this.outbox.forgetEndpoints();
    return created;
  }

  async list(): Promise<WebhookWithReach[]> {
    return this.withReach(await this.dataSource.getRepository(WebhookSubscriptionEntity).find({ order: { createdAt: 'ASC' } }));
  }

  /**
   * Marks each endpoint reachable or not: not when the latest delivery that finished (delivered, or
   * dead after every try) was a dead letter. Dead letters made by disabling it say nothing about
   * the receiver; a redelivery that gets through makes it reachable again.
   */
  private async withReach(endpoints: WebhookSubscriptionEntity[]): Promise<WebhookWithReach[]> {
    if (endpoints.length === 0) return [];
    const latest: { subscription_id: string; status: WebhookDeliveryStatus }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (subscription_id) subscription_id, status FROM webhook_deliveries
        WHERE subscription_id = ANY($1::uuid[]) AND status IN ('DELIVERED', 'DEAD')
          AND last_error IS DISTINCT FROM 'the endpoint was disabled'
        ORDER BY subscription_id, COALESCE(delivered_at, next_attempt_at) DESC, created_at DESC`,
      [endpoints.map((endpoint) => endpoint.id)],
    );
    const dead = new Set(latest.filter((row) => row.status === WebhookDeliveryStatus.DEAD).map((row) => row.subscription_id));
    return endpoints.map((endpoint) => Object.assign(endpoint, { reachable: !dead.has(endpoint.id) }));
  }

  async disable(viewer: Viewer, id: string): Promise<WebhookSubscriptionEntity> {
    const disabled = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebhookSubscriptionEntity);
      const webhook = UUID.test(id) ? await repository.findOneBy({ id }) : null;
      if (!webhook) throw new NotFoundError(`no webhook ${id}`);
      webhook.active = false;
      await repository.update({ id }, { active: false });
      // What it would still have been sent is a dead letter now, as the operation says.
      await manager
        .getRepository(WebhookDeliveryEntity)
        .update(
          { subscriptionId: id, status: WebhookDeliveryStatus.PENDING },
          { status: WebhookDeliveryStatus.DEAD, lastError: 'the endpoint was disabled' },
        );
      await audit(
        manager,
        { sub: viewer.sub, role: viewer.role, org: viewer.org },
        { action: 'webhook.disabled', detail: id },
        this.clock.now(),
      );
      return webhook;
    });
    this.outbox.forgetEndpoints();
    await this.warnOfUncoveredRegions();
    return disabled;
  }

  /** Every region with the endpoints that receive its escalations (issue 14: every region has its contacts). */
  async coverage(): Promise<(RegionCoverage<WebhookWithReach> & { regionName: string })[]> {
    const [regions, endpoints] = await Promise.all([
      this.registry.regions(),
      this.dataSource
        .getRepository(WebhookSubscriptionEntity)
        .createQueryBuilder('w')
        .where("w.escalation_regions <> '{}'")
        .orderBy('w.created_at', 'ASC')
        .getMany(),
    ]);
    const names = new Map(regions.map((region) => [region.code, region.name]));
    return escalationCoverage(
      regions.map((region) => region.code),
      await this.withReach(endpoints),
    ).map((region) => ({ ...region, regionName: names.get(region.regionCode) ?? region.regionCode }));
  }

  /**
   * Says in the log which regions an escalation would reach nobody in: at start, and when an
   * endpoint is disabled. A warning, not a refusal: a region may be set up after the service is.
   */
  async warnOfUncoveredRegions(): Promise<string[]> {
    const coverage = await this.coverage();
    const uncovered = uncoveredRegions(coverage);
    const unreachable = unreachableRegions(coverage);
    if (uncovered.length > 0)
      this.logger.warn(
        `No active escalation contact for ${uncovered.length} region(s): ${uncovered.join(', ')}.${unreachable.length > 0 ? ` In ${unreachable.join(', ')} the contacts cannot be reached (their latest deliveries are dead letters; see webhookDeliveries).` : ''} An escalation there reaches nobody; register one (createWebhook with escalationRegions) and see the escalationCoverage query.`,
      );
    return uncovered;
  }

  deliveries(status: WebhookDeliveryStatus | null, first: number): Promise<WebhookDeliveryEntity[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw new InvalidInputError('first', 'first must be a whole number from 1 to 500');
    return this.dataSource.getRepository(WebhookDeliveryEntity).find({
      where: status ? { status } : {},
      order: { createdAt: 'DESC' },
      take: first,
    });
  }

  /** Sends a dead letter once more (after the receiver was repaired): one more try, queued now. */
  async redeliver(id: string): Promise<WebhookDeliveryEntity> {
    const repository = this.dataSource.getRepository(WebhookDeliveryEntity);
    const delivery = UUID.test(id) ? await repository.findOneBy({ id }) : null;
    if (!delivery) throw new NotFoundError(`no webhook delivery ${id}`);
    if (delivery.status !== WebhookDeliveryStatus.DEAD)
      throw new InvalidInputError('deliveryId', `only a dead letter is sent again; this one is ${delivery.status}`);
    const endpoint = await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id: delivery.subscriptionId });
    if (!endpoint?.active) throw new InvalidInputError('deliveryId', 'its endpoint is disabled: register it again to send to it');
    delivery.status = WebhookDeliveryStatus.PENDING;
    delivery.nextAttemptAt = this.clock.now();
    await repository.update(
      { id, status: WebhookDeliveryStatus.DEAD },
      { status: delivery.status, nextAttemptAt: delivery.nextAttemptAt, claimedUntil: null },
    );
    // If the queue is away now, the delivery sweep queues it.
    await this.queue.enqueue({ id, attempts: delivery.attempts }, { trigger: `redeliver-${Date.now()}` }).catch(() => undefined);
    return delivery;
  }
}
