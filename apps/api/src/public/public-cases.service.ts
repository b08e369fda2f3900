import type { TPublicCaseIntake, TPublicCaseView, TPublicFeedback, TPublicIntakeResult } from '@hotline/contracts';
import { type CaseEntity, hashSecret, verifySecret } from '@hotline/database';
import { CITIZEN_TIMELINE_ACTIONS, citizenEventNote, citizenReplyDueAt, citizenSteps } from '@hotline/domain';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseActionsService } from '../cases/case-actions.service';
import { citizenActor } from '../cases/case-actor';
import { CaseIntakeService } from '../cases/case-intake.service';
import { CasesRepository } from '../cases/cases.repository';
import type { RequestMeta } from '../common/current-principal.decorator';
import { DomainError } from '../common/domain-error';

const NOT_FOUND = 'No case with that tracking number and access code';

@Injectable()
export class PublicCasesService implements OnModuleInit {
  /** Compared against when the tracking number is unknown, so both failures take as long. */
  private dummyHash = '';

  constructor(
    private readonly intake: CaseIntakeService,
    private readonly actions: CaseActionsService,
    private readonly repo: CasesRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashSecret('not-a-real-code');
  }

  async submit(body: TPublicCaseIntake, key: string | undefined, meta: RequestMeta): Promise<TPublicIntakeResult> {
    const { caseRow, accessCode } = await this.intake.intake(
      {
        ...body,
        channel: 'web',
        urgency: 'normal',
        disposition: 'dispatch',
        caller: { ...body.caller, type: 'person' },
      },
      { type: 'citizen' },
      key,
      meta,
    );
    const [bureau] = caseRow.leadBureauId === null ? [] : await this.repo.findBureaus([caseRow.leadBureauId]);
    return {
      trackingNumber: caseRow.trackingNumber,
      accessCode: accessCode!,
      status: caseRow.status,
      bureau: bureau ? { id: bureau.id, code: bureau.code, nameZh: bureau.nameZh, nameEn: bureau.nameEn } : null,
      ...citizenProgress(caseRow),
    };
  }

  /** Status, bureau, public replies and the public timeline; never notes, never other people. */
  async view(trackingNumber: string, code: string | undefined): Promise<TPublicCaseView> {
    const own = await this.unlock(trackingNumber, code);
    // A merged request follows its parent: the citizen sees the parent's progress.
    const shown = own.parentCaseId ? ((await this.repo.findById(own.parentCaseId)) ?? own) : own;
    const [bureau] = shown.leadBureauId === null ? [] : await this.repo.findBureaus([shown.leadBureauId]);
    const events = (await this.repo.listEvents(shown.id)).filter((e) => CITIZEN_TIMELINE_ACTIONS.has(e.action));
    return {
      trackingNumber: own.trackingNumber,
      status: shown.status,
      type: own.type,
      createdAt: new Date(own.createdAt).toISOString(),
      bureau: bureau ? { nameZh: bureau.nameZh, nameEn: bureau.nameEn } : null,
      mergedInto: shown === own ? null : shown.trackingNumber,
      replies: events.flatMap((e) => {
        const text = e.action === 'reply' || e.action === 'direct_answer' ? citizenEventNote(e) : null;
        return text ? [{ at: new Date(e.at).toISOString(), text }] : [];
      }),
      timeline: events.map((e) => ({
        at: new Date(e.at).toISOString(),
        action: e.action,
        status: e.toStatus,
        note: citizenEventNote(e),
      })),
      canGiveFeedback: shown === own && own.status === 'awaiting_follow_up',
      ...citizenProgress(shown),
    };
  }

  async feedback(trackingNumber: string, body: TPublicFeedback, meta: RequestMeta): Promise<TPublicCaseView> {
    const c = await this.unlock(trackingNumber, body.accessCode);
    if (c.parentCaseId)
      throw new DomainError('public.case_merged', 409, 'This request was merged into another; it follows that case');
    if (c.status !== 'awaiting_follow_up') {
      throw c.status === 'closed'
        ? new DomainError('public.feedback_closed', 409, 'This case is closed; feedback is no longer taken')
        : new DomainError(
            'public.feedback_not_open',
            409,
            'Feedback opens once the bureau has replied to your request',
          );
    }
    await this.actions.followUp(
      c.id,
      {
        version: c.version,
        contacted: body.contacted,
        solved: body.solved,
        satisfaction: body.satisfaction,
        comment: body.comment,
      },
      citizenActor(meta),
    );
    return this.view(trackingNumber, body.accessCode);
  }

  private async unlock(trackingNumber: string, code: string | undefined): Promise<CaseEntity> {
    const c = await this.repo.findByTrackingNumber(trackingNumber);
    const ok = await verifySecret(code ?? '', c?.accessCodeHash ?? this.dummyHash);
    if (!c || !c.accessCodeHash || !ok) throw new DomainError('public.case_not_found', 404, NOT_FOUND);
    return c;
  }
}

/** The reply deadline and the steps ahead, as codes the web translates (never internal text). */
function citizenProgress(c: CaseEntity): Pick<TPublicCaseView, 'replyDueAt' | 'steps'> {
  const due = citizenReplyDueAt(c.status, c.replyDueAt === null ? null : new Date(c.replyDueAt));
  return {
    replyDueAt: due === null ? null : due.toISOString(),
    steps: citizenSteps(c.status, c.dispatchedAt !== null),
  };
}
