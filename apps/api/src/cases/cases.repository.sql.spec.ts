import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CaseEntity } from '@hotline/database';
import { getMetadataArgsStorage } from 'typeorm';
import { INTAKE_STATEMENT } from './cases.repository';

/**
 * The intake statement is committed rendered, beside its repository (as Immich commits its
 * `*.repository.sql`), so a change to the hot path's SQL shows in review as SQL. After an
 * intended change, regenerate the file: `SYNC_SQL=1` with this spec.
 */
const SQL_FILE = resolve('apps/api/src/cases/cases.repository.sql'); // jest runs from the repository root

function render(): string {
  return `-- NOTE: This file is generated from apps/api/src/cases/cases.repository.ts (INTAKE_STATEMENT).
-- Regenerate: SYNC_SQL=1 node --experimental-vm-modules node_modules/jest/bin/jest.js --selectProjects unit apps/api/src/cases/cases.repository.sql.spec.ts

-- CasesRepository.insertIntake
-- $1 case row, $2 timeline events, $3 deadline clocks, $4 outbox topic, $5 case.changed payload,
-- $6 audit row, $7 idempotency key rows (none or one): each a json document.
${INTAKE_STATEMENT};
`;
}

describe('cases.repository.sql', () => {
  it('is the intake statement as the repository runs it', () => {
    if (process.env['SYNC_SQL'] === '1') writeFileSync(SQL_FILE, render());
    expect(readFileSync(SQL_FILE, 'utf8')).toBe(render());
  });

  it('is one fixed text: nothing in it is assembled per intake', () => {
    expect(INTAKE_STATEMENT).not.toMatch(/\$\{|\$(?:[89]|\d\d)/);
  });
});

describe('the intake statement returns every case column by name', () => {
  it('lists the CaseEntity columns, in order', () => {
    const returning = /RETURNING\s+([\s\S]*?)\n\)/.exec(INTAKE_STATEMENT)?.[1] ?? '';
    const listed = returning
      .split('\n')
      .filter((l) => !l.trim().startsWith('--'))
      .join(' ')
      .split(',')
      .map((c) => c.trim());
    const entity = getMetadataArgsStorage()
      .columns.filter((c) => c.target === CaseEntity)
      .map((c) => c.options.name ?? c.propertyName);
    expect(listed).toEqual(entity);
  });
});
