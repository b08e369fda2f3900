import {
  ZCreateUserSchema,
  ZResetPasswordSchema,
  ZUpdateUserSchema,
  ZUsersQuerySchema,
  ZUuidParam,
  type TCreateUser,
  type TResetPassword,
  type TUpdateUser,
  type TUsersQuery,
} from '@hotline/contracts';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { UsersService } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Staff accounts, filtered by role, bureau or name' })
  list(@Query({ schema: ZUsersQuerySchema }) q: TUsersQuery) {
    return this.users.list(q);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One staff account' })
  get(@Param('id', { schema: ZUuidParam }) id: string) {
    return this.users.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a staff account (handlers need a bureau; others must not have one)' })
  create(
    @Body({ schema: ZCreateUserSchema }) body: TCreateUser,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.users.create(body, p, meta);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change display name, role or bureau; a role or bureau change ends all sessions' })
  update(
    @Param('id', { schema: ZUuidParam }) id: string,
    @Body({ schema: ZUpdateUserSchema }) body: TUpdateUser,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.users.update(id, body, p, meta);
  }

  @Post(':id/disable')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: its tokens stop working at once' })
  disable(
    @Param('id', { schema: ZUuidParam }) id: string,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.users.setDisabled(id, true, p, meta);
  }

  @Post(':id/enable')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable an account again (also lifts a lock-out)' })
  enable(
    @Param('id', { schema: ZUuidParam }) id: string,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.users.setDisabled(id, false, p, meta);
  }

  @Post(':id/reset-password')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password (≥ 10 characters, letters and digits); ends all sessions' })
  resetPassword(
    @Param('id', { schema: ZUuidParam }) id: string,
    @Body({ schema: ZResetPasswordSchema }) body: TResetPassword,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.users.resetPassword(id, body.password, p, meta);
  }
}
