import { Inject, Injectable } from '@nestjs/common';
import { audit } from '@opvangplek/access';
import { anonymousFacts, implicitRetrySince } from '@opvangplek/domain';
import { CLOCK, type Clock, APP_CONFIG, type AppConfig } from '@opvangplek/platform';
import { SYSTEM_ACTOR } from '../placement-changes';
import { PlacementRepository } from '../placement.repository';

/** Erases personal data once it may no longer be kept (run by the sweep). */
@Injectable()
export class RetentionJob {
  constructor(
    private readonly repository: PlacementRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Retention (domain.md §6): once a request has ended or was cancelled `retentionDays` ago, its
   * profile gives way to anonymous facts and its free-text notes are cleared. The history keeps
   * statuses and times; the audit log keeps the event of the erasure.
   */
  async eraseExpiredProfiles(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.placement.retentionDays * 24 * 3_600_000);
    const due = await this.repository.erasableIds(before);
    let erased = 0;
    for (const id of due) {
      erased += await this.repository.transaction(async (manager) => {
        const request = await this.repository.lock(manager, id);
        if (!request || request.profileErasedAt) return 0;
        const now = this.clock.now();
        request.facts = request.profile ? anonymousFacts(request.profile) : request.facts;
        request.profile = null;
        request.members = null;
        // The caller's own reference is free text of theirs: it goes with the profile (issue 12).
        request.clientReference = null;
        request.profileErasedAt = now;
        await this.repository.saveErased(manager, request);
        await audit(
          manager,
          { sub: SYSTEM_ACTOR.by, role: SYSTEM_ACTOR.role, org: SYSTEM_ACTOR.org },
          { action: 'placement.erasure', requestId: id, detail: `retention: ${this.config.placement.retentionDays} days` },
          now,
        );
        return 1;
      });
    }
    return erased;
  }

  /**
   * Implicit-retry keys (IMPLICIT_RETRY_SECONDS) are only needed within their window: older ones
   * are cleared, all of them when the window is off. A keyed hash reveals little, but a trace of
   * who sent what is kept no longer than it serves.
   */
  clearExpiredRetryKeys(): Promise<number> {
    const now = this.clock.now();
    return this.repository.clearImplicitRetryKeys(implicitRetrySince(now, this.config.placement.implicitRetrySeconds) ?? now);
  }

  /**
   * After NOTES_KEY is rotated (the old key moved to NOTES_KEY_PREVIOUS), every sweep moves a
   * batch of requests to the new key, so the old key can be dropped once this finds none left
   * (the worker logs how many it resealed while there are any). Profiles erased by retention need nothing; their facts are resealed.
   */
  async resealUnderCurrentKey(): Promise<number> {
    // Without a previous key nothing can be sealed under another key that still opens: no scan.
    if (this.config.previousNotesKeys.length === 0) return 0;
    let resealed = await this.repository.resealNotes();
    for (const id of await this.repository.staleSealedIds()) {
      resealed += await this.repository.transaction(async (manager) => {
        const request = await this.repository.lock(manager, id);
        if (!request) return 0;
        await this.repository.reseal(manager, request);
        return 1;
      });
    }
    return resealed;
  }
}
