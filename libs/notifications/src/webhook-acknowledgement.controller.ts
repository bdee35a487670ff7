import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock, FIELD_CIPHER, FieldCipher, AppError, InvalidInputError, Public } from '@opvangplek/platform';
import { type DataSource, IsNull } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { secretContext } from './webhook-secrets';
import { SIGNATURE_HEADER, verifyWebhook } from './webhook-signature';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class BadSignatureError extends AppError {
  constructor() {
    super('unauthenticated', 'the opvangplek-signature does not match this delivery’s endpoint');
  }
}

/**
 * A receiver says a person has seen a message: `POST /webhooks/acknowledge` with `{ "deliveryId" }`
 * and `opvangplek-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<deliveryId>")>`,
 * the scheme it checks on what it receives, over the delivery id (not the JSON, whose spacing a
 * client may change). No token: the escalation contacts need not be users of the console. Public,
 * so the signature is the only key: it names one delivery of that endpoint's and expires in five
 * minutes. The case's people then read "bevestigd" beside who was told (PlacementRequest.notifications).
 */
@Controller('webhooks')
export class WebhookAcknowledgementController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Post('acknowledge')
  @HttpCode(204)
  async acknowledge(@Body() body: unknown, @Headers(SIGNATURE_HEADER) signature: string | undefined): Promise<void> {
    const deliveryId = (body as { deliveryId?: unknown } | null)?.deliveryId;
    if (typeof deliveryId !== 'string' || !UUID.test(deliveryId))
      throw new InvalidInputError('deliveryId', 'deliveryId must be the id of a delivery you received');
    const deliveries = this.dataSource.getRepository(WebhookDeliveryEntity);
    const delivery = await deliveries.findOneBy({ id: deliveryId });
    const endpoint =
      delivery && (await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id: delivery.subscriptionId }));
    // An unknown delivery is refused as a bad signature is: no answer tells which ids exist.
    const secret = endpoint && this.cipher.open(endpoint.sealedSecret, secretContext(endpoint.id));
    if (!delivery || !secret || !signature || !verifyWebhook(secret, deliveryId, signature, this.clock.now()))
      throw new BadSignatureError();
    await deliveries.update({ id: deliveryId, acknowledgedAt: IsNull() }, { acknowledgedAt: this.clock.now() });
  }
}
