import { QueryFailedError } from 'typeorm';
import { databaseRefusal } from './database-errors';

const pgError = (code: string) => Object.assign(new Error('pg'), { code, severity: 'ERROR' });

describe('databaseRefusal', () => {
  it('answers input errors as 4xx: data exceptions, too complex, duplicates, missing references', () => {
    for (const code of ['22021', '22008', '22P02', '22003', '22007', '2201B'])
      expect(databaseRefusal(new QueryFailedError('q', [], pgError(code)))?.statusCode).toBe(400);
    expect(databaseRefusal(pgError('54001'))?.statusCode).toBe(400);
    expect(databaseRefusal(pgError('23505'))?.statusCode).toBe(409);
    expect(databaseRefusal(pgError('23503'))?.statusCode).toBe(400);
  });

  it('leaves our own bugs as 500s', () => {
    expect(databaseRefusal(pgError('42P01'))).toBeNull();
    expect(databaseRefusal(new Error('boom'))).toBeNull();
    expect(databaseRefusal(null)).toBeNull();
  });
});
