import { ZCaseIntakeSchema, ZPublicCaseIntakeSchema } from './case.schemas';
import { ZOpen311CreateRequestSchema, ZOpen311RequestsQuerySchema } from './open311.schemas';

describe('Open311 inputs as real clients send them', () => {
  it('ignores unknown parameters and takes repeated list parameters as one list', () => {
    const q = ZOpen311RequestsQuerySchema.parse({
      status: ['open', 'closed'],
      service_code: ['A.B', 'C.D,E.F'],
      extensions: 'true',
      page: ['2', '3'],
    });
    expect(q).toEqual({ status: ['open', 'closed'], service_code: ['A.B', 'C.D', 'E.F'], page: 2, page_size: 1000 });
    expect(ZOpen311RequestsQuerySchema.parse({})).toEqual({ page: 1, page_size: 1000 });
  });

  it('still refuses bad values of known parameters', () => {
    expect(ZOpen311RequestsQuerySchema.safeParse({ status: ['open', 'pending'] }).success).toBe(false);
    expect(ZOpen311RequestsQuerySchema.safeParse({ page: '0' }).success).toBe(false);
  });

  it('drops zipcode and other extras on POST, keeps the first of a repeated single value', () => {
    const r = ZOpen311CreateRequestSchema.parse({
      service_code: ['CM.SR.ZDJY', 'X'],
      lat: '31.2969',
      long: '120.6284',
      zipcode: '215000',
      extensions: 'true',
    });
    expect(r).toEqual({ service_code: 'CM.SR.ZDJY', lat: 31.2969, long: 120.6284 });
  });
});

describe('links are http(s) only', () => {
  const bad = [
    'javascript:alert(1)',
    'JavaScript://x%0aalert(1)',
    'data:text/html,<b>x</b>',
    'ftp://x/y',
    'file:///etc/passwd',
  ];

  it.each(bad)('refuses %s everywhere a URL is taken', (url) => {
    expect(ZOpen311CreateRequestSchema.safeParse({ service_code: 'A', address_id: 'X', media_url: url }).success).toBe(
      false,
    );
    const intake = { type: 'help', categoryId: 1, description: 'x', mediaUrl: url };
    expect(ZPublicCaseIntakeSchema.safeParse(intake).success).toBe(false);
    expect(ZCaseIntakeSchema.safeParse(intake).success).toBe(false);
  });

  it('takes http and https', () => {
    const intake = { type: 'help', categoryId: 1, description: 'x', mediaUrl: 'https://photos.example.org/a.jpg' };
    expect(ZPublicCaseIntakeSchema.safeParse(intake).success).toBe(true);
    expect(ZPublicCaseIntakeSchema.safeParse({ ...intake, mediaUrl: 'http://example.org/a' }).success).toBe(true);
  });
});
