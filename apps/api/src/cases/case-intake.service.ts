import { env, requireJwtSecret } from '@hotline/config';
import type { TIntakeCommand } from '@hotline/contracts';
import { type CaseEntity, hashSecret, StreetEntity } from '@hotline/database';
import {
  accessCodeFromBytes,
  notAcceptedNote,
  formatTrackingNumber,
  generateAccessCode,
  intakeOutcome,
} from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CategoryTreeService } from '../catalogue/category-tree.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import { DispatchResolver } from '../dispatch/dispatch-resolver.service';
import { intakeActorFields, type IntakeActor } from './case-actor';
import { CaseTransitionService, decideTransition, IntakeKeyTaken } from './case-transition.service';
import { CasesRepository, type NewCaseEvent } from './cases.repository';
import { DomainError } from '../common/domain-error';

export type { IntakeActor } from './case-actor';

export interface IntakeResult {
  caseRow: CaseEntity;
  /** The citizen's access code, shown once (web/open311/api channels); null for phone intake. */
  accessCode: string | null;
  /** True when this answered a retried request: the case already existed. */
  replayed: boolean;
}

const CHANNELS_WITH_ACCESS_CODE = new Set(['web', 'open311', 'api']);
const STREET_CACHE_MS = 60_000;
const SEQUENCE_BLOCK = 20;

/**
 * Registers a case (登记) and, in the same transaction, dispatches it flat to the lead bureau
 * when the catalogue matches, queues it for an agent when not, or closes it at intake (direct
 * answer, not accepted, emergency transfer). Every intake channel goes through `intake`.
 *
 * The hot path is kept short for the 500 cases/s target: category paths and streets come
 * from memory, tracking numbers are reserved in blocks, and the case, its timeline, outbox,
 * audit and idempotency rows are written by one SQL statement.
 */
@Injectable()
export class CaseIntakeService {
  private sequences: number[] = [];
  private sequenceRefill: Promise<void> | null = null;
  private streets: { at: number; districtOf: Map<number, number> } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: CasesRepository,
    private readonly categories: CategoryTreeService,
    private readonly dispatcher: DispatchResolver,
    private readonly transitions: CaseTransitionService,
  ) {}

  async intake(
    cmd: TIntakeCommand,
    actor: IntakeActor,
    idempotencyKey?: string,
    meta?: RequestMeta,
  ): Promise<IntakeResult> {
    const who = intakeActorFields(actor);
    const idem = idempotencyKey
      ? { scope: `${cmd.channel}:${who.scope}`, key: idempotencyKey, requestHash: requestHash(cmd) }
      : null;
    if (idem) {
      const replay = await this.replay(idem);
      if (replay) return replay;
    }

    const place = await this.checkPlace(cmd);
    const disposition = cmd.disposition ?? 'dispatch';
    // Without a category ("not sure") nothing can match: the case waits for an agent.
    const match =
      disposition === 'dispatch' && cmd.categoryId !== undefined
        ? await this.dispatcher.resolve({
            categoryId: cmd.categoryId,
            districtId: place.districtId,
            streetId: place.streetId,
            description: cmd.description,
          })
        : null;
    const outcome = intakeOutcome(disposition, match !== null, who.role);
    const status = decideTransition('registered', outcome.action, outcome.role);

    let accessCode: string | null = null;
    let accessCodeHash: string | null = null;
    if (CHANNELS_WITH_ACCESS_CODE.has(cmd.channel)) {
      accessCode = idem ? derivedAccessCode(idem.scope, idem.key) : generateAccessCode();
      accessCodeHash = await hashSecret(accessCode);
    }
    const trackingNumber = formatTrackingNumber(new Date(), await this.nextSequence());
    const caller = cmd.caller ?? {};

    // One instant for the case's created/updated/dispatched/closed times and the clocks'
    // start, so the deadlines can be computed before the INSERT and written by it. The id is
    // chosen here too, so every row of the intake statement is known before it runs.
    const at = new Date();
    const id = randomUUID();
    const leadBureauId = match?.leadBureauId ?? null;
    const event = (e: Pick<NewCaseEvent, 'action' | 'fromStatus' | 'toStatus' | 'actorRole' | 'note'>) => ({
      ...e,
      caseId: id,
      actorId: who.id,
      actorName: who.name,
      bureauId: e.toStatus === 'dispatched' ? leadBureauId : null,
      isPublic: true,
      data: {},
    });
    let caseRow: CaseEntity;
    try {
      caseRow = await this.transitions.intake({
        caseRow: {
          id,
          trackingNumber,
          accessCodeHash,
          channel: cmd.channel,
          type: cmd.type,
          urgency: cmd.urgency,
          status,
          categoryId: cmd.categoryId ?? null,
          districtId: place.districtId,
          streetId: place.streetId,
          address: cmd.address ?? null,
          lat: cmd.lat ?? null,
          lng: cmd.lng ?? null,
          description: cmd.description,
          attributes: cmd.attributes ?? {},
          mediaUrl: cmd.mediaUrl ?? null,
          callerName: caller.anonymous ? null : (caller.name ?? null),
          callerPhone: caller.phone ?? null,
          callerEmail: caller.email ?? null,
          callerType: caller.type ?? 'person',
          anonymous: caller.anonymous ?? false,
          confidential: caller.confidential ?? false,
          contactAllowed: caller.contactAllowed ?? true,
          leadBureauId,
          assistingBureauIds: match?.assistingBureauIds ?? [],
          matchedRuleId: match?.ruleId ?? null,
          unmatchedAtIntake: disposition === 'dispatch' && match === null,
          dispatchedAt: status === 'dispatched' ? at : null,
          closedAt: status === 'closed' ? at : null,
          closeReason: outcome.closeReason,
          directAnswer: cmd.directAnswer ?? null,
          notAcceptedReason: disposition === 'not_accepted' ? (cmd.notAcceptedReason ?? null) : null,
          properChannel: disposition === 'not_accepted' ? (cmd.properChannel ?? null) : null,
          createdBy: 'userId' in actor ? actor.userId : null,
          sourceRef: cmd.sourceRef ?? {},
          createdAt: at,
        },
        categoryPath: cmd.categoryId === undefined ? [] : await this.categories.pathOf(cmd.categoryId),
        action: outcome.action,
        events: [
          event({ action: 'intake', fromStatus: null, toStatus: 'registered', actorRole: who.role, note: null }),
          // The step is on the citizen's timeline; its note only when it is the direct answer
          // (citizenEventNote keeps a dispatch reason such as "rule #1: …" for staff).
          event({
            action: outcome.action,
            fromStatus: 'registered',
            toStatus: status,
            actorRole: outcome.role,
            note: outcomeNote(outcome.action, cmd, match?.reason ?? null),
          }),
        ],
        actor: who,
        idempotency: idem,
        meta,
      });
    } catch (e) {
      if (e instanceof IntakeKeyTaken && idem) {
        // A concurrent retry committed first (the INSERT waited for it): answer with its case.
        const replay = await this.replay(idem);
        if (replay) return replay;
      }
      throw e;
    }
    return { caseRow, accessCode, replayed: false };
  }

  private async replay(idem: { scope: string; key: string; requestHash: string }): Promise<IntakeResult | null> {
    const hit = await this.repo.findIdempotencyKey(idem.scope, idem.key);
    if (!hit) return null;
    if (hit.requestHash !== idem.requestHash) {
      throw new DomainError('request.idempotency_key_reused', 422, 'Idempotency-Key reused with a different request');
    }
    const caseRow = await this.repo.findById(hit.caseId);
    if (!caseRow) return null;
    const accessCode = CHANNELS_WITH_ACCESS_CODE.has(caseRow.channel) ? derivedAccessCode(idem.scope, idem.key) : null;
    return { caseRow, accessCode, replayed: true };
  }

  /** The category must exist; a street implies its district and must lie in the given one. */
  private async checkPlace(cmd: TIntakeCommand): Promise<{ districtId: number | null; streetId: number | null }> {
    if (cmd.categoryId !== undefined && !(await this.categories.exists(cmd.categoryId))) {
      throw new DomainError('category.not_found', 400, `Category ${cmd.categoryId} does not exist`, {
        id: cmd.categoryId,
      });
    }
    if (cmd.streetId === undefined) return { districtId: cmd.districtId ?? null, streetId: null };
    const districtOf = await this.streetDistricts();
    const district = districtOf.get(cmd.streetId);
    if (district === undefined)
      throw new DomainError('street.not_found', 400, `Street ${cmd.streetId} does not exist`, { id: cmd.streetId });
    if (cmd.districtId !== undefined && cmd.districtId !== district) {
      throw new DomainError(
        'street.not_in_district',
        400,
        `Street ${cmd.streetId} is not in district ${cmd.districtId}`,
        { street: cmd.streetId, district: cmd.districtId },
      );
    }
    return { districtId: district, streetId: cmd.streetId };
  }

  private async streetDistricts(): Promise<Map<number, number>> {
    if (this.streets && Date.now() - this.streets.at < STREET_CACHE_MS) return this.streets.districtOf;
    const rows = await this.ds.getRepository(StreetEntity).find({ select: { id: true, districtId: true } });
    this.streets = { at: Date.now(), districtOf: new Map(rows.map((r) => [r.id, r.districtId])) };
    return this.streets.districtOf;
  }

  private async nextSequence(): Promise<number> {
    while (this.sequences.length === 0) {
      this.sequenceRefill ??= this.repo
        .reserveTrackingSequences(SEQUENCE_BLOCK)
        .then((values) => {
          this.sequences.push(...values);
        })
        .finally(() => {
          this.sequenceRefill = null;
        });
      await this.sequenceRefill;
    }
    return this.sequences.shift()!;
  }
}

/**
 * The public note of the intake's second event: the direct answer, or for not accepted the
 * reason and the proper channel (what the citizen was told), else the dispatch reason.
 */
function outcomeNote(action: string, cmd: TIntakeCommand, dispatchReason: string | null): string | null {
  if (action === 'direct_answer') return cmd.directAnswer ?? null;
  if (action === 'not_accept') return notAcceptedNote(cmd.notAcceptedReason ?? '', cmd.properChannel ?? '');
  return dispatchReason;
}

/** Key order does not matter: the same request sent twice hashes the same. */
function requestHash(cmd: TIntakeCommand): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(cmd)))
    .digest('hex');
}

/**
 * With an Idempotency-Key the access code is derived (HMAC of the key) rather than random,
 * so a retried request can be shown the same code without the code ever being stored.
 */
function derivedAccessCode(scope: string, key: string): string {
  return accessCodeFromBytes(
    createHmac('sha256', requireJwtSecret(env())).update(`access-code|${scope}|${key}`).digest(),
  );
}
