import type { TCreateMonthlyTheme, TMonthlyTheme } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { AnalyticsRepository } from './analytics.repository';
import { DomainError } from '../common/domain-error';

/** 每月一题: the recurring problems supervisors choose to fix at the root, tracked afterwards. */
@Injectable()
export class MonthlyThemesService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TMonthlyTheme[]> {
    const rows = await this.repo.listMonthlyThemes();
    return rows.map((r) => ({ ...r, chosenAt: new Date(r.chosenAt).toISOString() }));
  }

  async choose(principal: Principal, meta: RequestMeta, body: TCreateMonthlyTheme): Promise<TMonthlyTheme> {
    const categories = await this.repo.listCategories();
    if (!categories.some((c) => c.id === body.categoryId)) {
      throw new DomainError('category.not_found', 400, `There is no category with id ${body.categoryId}`, {
        id: body.categoryId,
      });
    }
    if (body.streetId && !(await this.repo.listStreets()).some((s) => s.id === body.streetId)) {
      throw new DomainError('street.not_found', 400, `There is no street with id ${body.streetId}`, {
        id: body.streetId,
      });
    }
    const row = await this.repo.insertMonthlyTheme({
      month: body.month,
      categoryId: body.categoryId,
      streetId: body.streetId ?? null,
      title: body.title,
      note: body.note ?? null,
      chosenBy: principal.userId,
    });
    if (!row)
      throw new DomainError(
        'monthly_theme.duplicate',
        409,
        'This category (and street) is already the theme of that month',
      );
    await this.audit.record({
      action: 'analytics.monthly_theme.choose',
      actor: principal,
      meta,
      targetType: 'monthly_theme',
      targetId: row.id,
      detail: { ...body },
    });
    return {
      id: row.id,
      month: body.month,
      categoryId: body.categoryId,
      streetId: body.streetId ?? null,
      title: body.title,
      note: body.note ?? null,
      chosenAt: new Date(row.chosenAt).toISOString(),
    };
  }
}
