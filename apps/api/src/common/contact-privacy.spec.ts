import { presentCaller } from './contact-privacy';

const row = {
  callerName: '张三',
  callerPhone: '13812345678',
  callerEmail: 'zs@example.com',
  confidential: false,
};

describe('presentCaller', () => {
  it('masks name and phone for handlers and drops the e-mail', () => {
    expect(presentCaller(row, { role: 'handler' })).toEqual({
      name: '张*',
      phone: '138****5678',
      email: null,
      masked: true,
      hidden: false,
    });
  });

  it('hides the citizen entirely from handlers on a confidential case', () => {
    expect(presentCaller({ ...row, confidential: true }, { role: 'handler' })).toEqual({
      name: null,
      phone: null,
      email: null,
      masked: false,
      hidden: true,
    });
  });

  it('keeps nulls null for an anonymous caller', () => {
    const p = presentCaller({ ...row, callerName: null, callerPhone: null, callerEmail: null }, { role: 'handler' });
    expect(p).toMatchObject({ name: null, phone: null, masked: true });
  });

  it.each(['agent', 'supervisor', 'admin'] as const)('shows everything to %s, confidential or not', (role) => {
    expect(presentCaller({ ...row, confidential: true }, { role })).toEqual({
      name: '张三',
      phone: '13812345678',
      email: 'zs@example.com',
      masked: false,
      hidden: false,
    });
  });
});
