import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Not accepted (不予受理) closes a case at intake: the agent now records why and the proper
 * channel the citizen is told to use, so both can be shown on the timeline and to the citizen.
 */
export class NotAcceptedReason1796300000000 implements MigrationInterface {
  name = 'NotAcceptedReason1796300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN not_accepted_reason text, ADD COLUMN proper_channel text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN proper_channel, DROP COLUMN not_accepted_reason`);
  }
}
