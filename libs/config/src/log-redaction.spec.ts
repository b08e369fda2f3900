import { redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('replaces the values of secret query parameters and keeps the rest', () => {
    expect(redactUrl('/api/public/cases/2026120200001?code=AB12CD')).toBe(
      '/api/public/cases/2026120200001?code=[REDACTED]',
    );
    expect(redactUrl('/open311/v2/requests.json?page=2&api_key=hk_secret&status=open&API_KEY=hk_x')).toBe(
      '/open311/v2/requests.json?page=2&api_key=[REDACTED]&status=open&API_KEY=[REDACTED]',
    );
    expect(redactUrl('/x?api%5Fkey=hk_s&password=p')).toBe('/x?api%5Fkey=[REDACTED]&password=[REDACTED]');
  });

  it('leaves URLs without secrets alone, malformed escapes included', () => {
    for (const url of ['/api/health', '/x?status=open', '/x?%E0%A4%A=1', '/x?code']) expect(redactUrl(url)).toBe(url);
  });
});
