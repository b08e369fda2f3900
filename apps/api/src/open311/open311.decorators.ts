import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { languageOf, type Open311Lang, splitFormat } from './open311-format';
import { DomainError } from '../common/domain-error';

/** The catalogue language the client asked for (Accept-Language; zh-CN by default). */
export const Open311Language = createParamDecorator((_: unknown, ctx: ExecutionContext): Open311Lang =>
  languageOf(ctx.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);

/** ':file' = '<id>.<format>' → '<id>' (the guard has checked the format). */
export class StripFormatPipe implements PipeTransform<string, string> {
  transform(file: string): string {
    const { id } = splitFormat(file);
    if (!id || id.length > 100) throw new DomainError('open311.request_not_found', 404, 'Not found');
    return id;
  }
}
