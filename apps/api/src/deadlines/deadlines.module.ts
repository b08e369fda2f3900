import { DeadlineEngine, DeadlineSettingsCache, DeadlinesRepository } from '@hotline/database';
import { Module } from '@nestjs/common';
import { CalendarController } from '../calendar/calendar.controller';
import { CalendarService } from '../calendar/calendar.service';
import { NotificationsController } from '../notifications/notifications.controller';
import { NotificationsService } from '../notifications/notifications.service';
import { SupervisionController } from '../supervision/supervision.controller';
import { SupervisionService } from '../supervision/supervision.service';
import { QueueDashboard } from './bull-board';
import { DeadlineActionsService } from './deadline-actions.service';
import { DeadlineBoardService } from './deadline-board.service';
import { DeadlinePoliciesService } from './deadline-policies.service';
import { DeadlineTransitionHook } from './deadline-transition.hook';
import { DeadlinesController } from './deadlines.controller';

/** Deadline supervision in the API: policies, calendar, boards, extensions, notices, notifications, queue dashboard. */
@Module({
  controllers: [DeadlinesController, CalendarController, SupervisionController, NotificationsController],
  providers: [
    { provide: DeadlinesRepository, useFactory: () => new DeadlinesRepository() },
    {
      provide: DeadlineEngine,
      useFactory: (repo: DeadlinesRepository) => new DeadlineEngine(new DeadlineSettingsCache(undefined, repo), repo),
      inject: [DeadlinesRepository],
    },
    DeadlineTransitionHook,
    DeadlineBoardService,
    DeadlineActionsService,
    DeadlinePoliciesService,
    CalendarService,
    SupervisionService,
    NotificationsService,
    QueueDashboard,
  ],
  exports: [DeadlineEngine, DeadlinesRepository],
})
export class DeadlinesModule {}
