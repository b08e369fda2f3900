import { env } from '@hotline/config';
import {
  ZLoginResponse,
  ZLoginSchema,
  ZRefreshSchema,
  ZSessionUser,
  type TLogin,
  type TRefresh,
} from '@hotline/contracts';
import { Body, Controller, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ALL_STAFF } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { HotlineRequest, Principal } from '../common/request-context';
import { RateLimit } from '../common/rate-limit.decorator';
import { ACCESS_COOKIE } from './access.guard';
import { AuthService } from './auth.service';
import { DomainError } from '../common/domain-error';
import { Route } from '../common/route.decorator';

const REFRESH_COOKIE = 'hl_refresh';
/** The web app refreshes and signs out with cookies only, so these bodies may be absent. */
const ZOptionalRefreshBody = ZRefreshSchema.optional();
type CookieReq = HotlineRequest & {
  cookies?: Record<string, string | undefined>;
  tokenClaims?: { sid: string };
};

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Route.post('login', {
    access: 'public',
    summary: 'Sign in: returns an access token and a refresh token (also set as HTTP-only cookies)',
    status: 200,
    response: ZLoginResponse,
  })
  @RateLimit({ bucket: 'login', perMinute: 'login', by: 'ip+username' })
  async login(
    @Body({ schema: ZLoginSchema }) body: TLogin,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const session = await this.auth.login(body.username, body.password, meta);
    this.setCookies(res, session.accessToken, session.expiresIn, session.refreshToken);
    return session;
  }

  @Route.post('refresh', {
    access: 'public',
    summary: 'Exchange a refresh token (body or cookie) for a new session; the old one is revoked',
    status: 200,
    response: ZLoginResponse,
  })
  @RateLimit({ bucket: 'refresh', perMinute: 'login' })
  async refresh(
    @Body({ schema: ZOptionalRefreshBody }) body: TRefresh | undefined,
    @Req() req: CookieReq,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const token = body?.refreshToken ?? req.cookies?.[REFRESH_COOKIE];
    if (!token) throw new DomainError('auth.no_refresh_token', 401, 'No refresh token; sign in again');
    const session = await this.auth.refresh(token, meta);
    this.setCookies(res, session.accessToken, session.expiresIn, session.refreshToken);
    return session;
  }

  @Route.post('logout', {
    access: ALL_STAFF,
    summary: 'Sign out: ends this session (its access tokens and refresh tokens)',
    status: 204,
    response: null,
  })
  async logout(
    @CurrentPrincipal() p: Principal,
    @Body({ schema: ZOptionalRefreshBody }) body: TRefresh | undefined,
    @Req() req: CookieReq,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    await this.auth.logout(p, req.tokenClaims, body?.refreshToken ?? req.cookies?.[REFRESH_COOKIE], meta);
    void res.clearCookie(ACCESS_COOKIE, { path: '/' }).clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  }

  @Route.get('me', { access: ALL_STAFF, summary: 'The signed-in user, role and bureau', response: ZSessionUser })
  me(@CurrentPrincipal() p: Principal) {
    return this.auth.sessionUser(p.userId);
  }

  private setCookies(res: FastifyReply, access: string, accessTtl: number, refresh: string): void {
    const secure = env().NODE_ENV === 'production';
    void res
      .setCookie(ACCESS_COOKIE, access, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: accessTtl })
      .setCookie(REFRESH_COOKIE, refresh, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/api/auth',
        maxAge: env().REFRESH_TOKEN_TTL_DAYS * 86400,
      });
  }
}
