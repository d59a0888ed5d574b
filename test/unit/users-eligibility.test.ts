import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeLoginTypes, eligibility } from '../../electron/node/users/eligibility';
import { parseZoomUser, parseZoomUserPage, type ZoomUser } from '../../electron/node/users/zoom-user';

function user(over: Partial<ZoomUser> = {}): ZoomUser {
  return {
    id: 'Pz4aB7cD1eF2gH3iJ5kL6m',
    email: 'priya.patel@northwind.example',
    firstName: 'Priya',
    lastName: 'Patel',
    displayName: 'Priya Patel',
    type: 2,
    status: 'active',
    roleName: 'Member',
    roleId: '2',
    loginTypes: [100],
    ...over,
  };
}

describe('eligibility', () => {
  it('an active member with a work e-mail login is eligible', () => {
    assert.deepEqual(eligibility(user()), { eligible: true, reason: null, code: null });
    assert.equal(eligibility(user({ loginTypes: [101, 100] })).eligible, true);
  });

  it('the owner and admins are refused with 1117', () => {
    for (const over of [
      { roleName: 'Owner' },
      { roleName: 'admin' },
      { roleName: null, roleId: '0' },
      { roleName: 'x', roleId: '1' },
    ]) {
      const e = eligibility(user(over));
      assert.equal(e.eligible, false);
      assert.equal(e.code, 1117);
      assert.match(e.reason ?? '', /Priya Patel is the account (owner|admin)/);
    }
  });

  it('users without a work e-mail login are refused with 1123, naming how they sign in', () => {
    const cases: [number[], RegExp][] = [
      [[101], /SSO/],
      [[1], /Google/],
      [[24], /Apple/],
      [[27, 0], /Microsoft, Facebook/],
      [[], /none/],
    ];
    for (const [loginTypes, words] of cases) {
      const e = eligibility(user({ loginTypes }));
      assert.equal(e.eligible, false);
      assert.equal(e.code, 1123);
      assert.match(e.reason ?? '', words);
      assert.match(e.reason ?? '', /no Zoom password to set/);
    }
  });

  it('role is judged before the login method, as Zoom does', () => {
    assert.equal(eligibility(user({ roleName: 'Admin', loginTypes: [101] })).code, 1117);
  });

  it('pending and inactive users are not eligible, with no Zoom code', () => {
    const pending = eligibility(user({ status: 'pending' }));
    assert.deepEqual([pending.eligible, pending.code], [false, null]);
    assert.match(pending.reason ?? '', /not accepted the invitation/);
    const inactive = eligibility(user({ status: 'inactive' }));
    assert.deepEqual([inactive.eligible, inactive.code], [false, null]);
    assert.match(inactive.reason ?? '', /deactivated/);
  });

  it('unknown login types (list items) do not block', () => {
    assert.equal(eligibility(user({ loginTypes: null })).eligible, true);
  });

  it('falls back to the e-mail when there is no name', () => {
    assert.match(eligibility(user({ displayName: ' ', roleName: 'Owner' })).reason ?? '', /^priya\.patel@/);
  });
});

describe('describeLoginTypes', () => {
  it('names each login type in words', () => {
    assert.equal(describeLoginTypes([100]), 'Zoom work e-mail and password');
    assert.equal(
      describeLoginTypes([101, 1, 24, 27, 0, 99]),
      'SSO (single sign-on), Google, Apple, Microsoft, Facebook, API',
    );
    assert.equal(describeLoginTypes([7]), 'other (7)');
    assert.equal(describeLoginTypes([]), 'none');
    assert.equal(describeLoginTypes(null), 'unknown');
  });
});

describe('parseZoomUser / parseZoomUserPage', () => {
  it('reads Zoom’s user JSON and tolerates odd fields', () => {
    const u = parseZoomUser({
      id: 'abc',
      email: 'a@b.example',
      first_name: 'Ann',
      last_name: 'Bo',
      type: 2,
      status: 'active',
      role_name: 'Member',
      role_id: 2,
      login_types: [100],
      extra: { nested: true },
    });
    assert.deepEqual(u, {
      id: 'abc',
      email: 'a@b.example',
      firstName: 'Ann',
      lastName: 'Bo',
      displayName: 'Ann Bo',
      type: 2,
      status: 'active',
      roleName: 'Member',
      roleId: '2',
      loginTypes: [100],
    });
    assert.equal(parseZoomUser({ id: 'x', login_types: 'bad', type: 'y' })?.loginTypes, null);
    assert.equal(parseZoomUser({ email: 'no-id@b.example' }), null);
    assert.equal(parseZoomUser('nope'), null);
  });

  it('reads a page, skipping unreadable items, and treats an empty token as the last page', () => {
    const page = parseZoomUserPage({ users: [{ id: 'a' }, { nope: 1 }], next_page_token: '', total_records: 2 });
    assert.deepEqual(
      page?.users.map((u) => u.id),
      ['a'],
    );
    assert.equal(page?.nextPageToken, null);
    assert.equal(page?.totalRecords, 2);
    assert.equal(parseZoomUserPage({ users: 'x' }), null);
  });
});
