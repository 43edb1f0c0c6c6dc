/**
 * Test helper: logs a user in through the real login form and gives requests that carry the
 * session cookie (and the CSRF token for posts).
 */
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { addUser, type UserRole } from '../../auth/user.service.ts';
import type { Store } from '../../store/store.ts';

export interface Session {
  readonly cookie: string;
  get(path: string): Promise<Response>;
  post(path: string, fields?: Record<string, string | string[]>): Promise<Response>;
}

// biome-ignore lint/suspicious/noExplicitAny: any Hono app
export async function logIn(app: Hono<any>, store: Store, role: UserRole = 'admin', email = `${role}@example.no`): Promise<Session> {
  const password = 'riktig-hemmelig-passord';
  await addUser(store, { email, password, role, name: `Test ${role}` });
  const res = await app.request('/logg-inn', {
    method: 'POST',
    body: new URLSearchParams({ email, password, neste: '/' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.status, 303, 'login failed');
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const get = async (path: string) => app.request(path, { headers: { cookie } });
  let csrf: string | undefined;
  return {
    cookie,
    get,
    async post(path, fields = {}) {
      if (!csrf) {
        const m = (await (await get('/')).text()).match(/name="_csrf" value="([^"]+)"/);
        assert.ok(m, 'no CSRF token on the overview page');
        csrf = m[1] as string;
      }
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [k, v] of Object.entries(fields)) for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
      return app.request(path, { method: 'POST', body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    },
  };
}
