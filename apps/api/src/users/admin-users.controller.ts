import {
  ZAdminUser,
  ZAdminUserList,
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
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/current-principal.decorator';
import { UsersService } from './users.service';
import { Route } from '../common/route.decorator';

@ApiTags('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Route.get('', {
    access: ['admin'],
    summary: 'Staff accounts, filtered by role, bureau or name',
    response: ZAdminUserList,
  })
  list(@Query({ schema: ZUsersQuerySchema }) q: TUsersQuery) {
    return this.users.list(q);
  }

  @Route.get(':id', { access: ['admin'], summary: 'One staff account', response: ZAdminUser })
  get(@Param('id', { schema: ZUuidParam }) id: string) {
    return this.users.get(id);
  }

  @Route.post('', {
    access: ['admin'],
    summary: 'Create a staff account (handlers need a bureau; others must not have one)',
    response: ZAdminUser,
  })
  create(@Body({ schema: ZCreateUserSchema }) body: TCreateUser, @Actor() { principal: p, meta }: Actor) {
    return this.users.create(body, p, meta);
  }

  @Route.patch(':id', {
    access: ['admin'],
    summary: 'Change display name, role or bureau; a role or bureau change ends all sessions',
    response: ZAdminUser,
  })
  update(
    @Param('id', { schema: ZUuidParam }) id: string,
    @Body({ schema: ZUpdateUserSchema }) body: TUpdateUser,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.users.update(id, body, p, meta);
  }

  @Route.post(':id/disable', {
    access: ['admin'],
    summary: 'Disable an account: its tokens stop working at once',
    status: 200,
    response: ZAdminUser,
  })
  disable(@Param('id', { schema: ZUuidParam }) id: string, @Actor() { principal: p, meta }: Actor) {
    return this.users.setDisabled(id, true, p, meta);
  }

  @Route.post(':id/enable', {
    access: ['admin'],
    summary: 'Enable an account again (also lifts a lock-out)',
    status: 200,
    response: ZAdminUser,
  })
  enable(@Param('id', { schema: ZUuidParam }) id: string, @Actor() { principal: p, meta }: Actor) {
    return this.users.setDisabled(id, false, p, meta);
  }

  @Route.post(':id/reset-password', {
    access: ['admin'],
    summary: 'Set a new password (≥ 10 characters, letters and digits); ends all sessions',
    status: 200,
    response: ZAdminUser,
  })
  resetPassword(
    @Param('id', { schema: ZUuidParam }) id: string,
    @Body({ schema: ZResetPasswordSchema }) body: TResetPassword,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.users.resetPassword(id, body.password, p, meta);
  }
}
