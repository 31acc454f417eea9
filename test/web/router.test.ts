// The web app's routes: what each address shows, and no redirect out of the app.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRoute, workspacePath } from '../../web/src/shell/router.ts';

test('parses the app routes', () => {
  assert.deepEqual(parseRoute('/', ''), { name: 'home' });
  assert.deepEqual(parseRoute('/login', ''), { name: 'login', next: null });
  assert.deepEqual(parseRoute('/w/cimes', ''), { name: 'workspace', workspace: 'cimes', page: 'overview' });
  assert.deepEqual(parseRoute('/w/cimes/', ''), { name: 'workspace', workspace: 'cimes', page: 'overview' });
  assert.deepEqual(parseRoute('/w/cimes/listen', ''), { name: 'workspace', workspace: 'cimes', page: 'listen' });
  assert.deepEqual(parseRoute('/w/cimes/reward', ''), { name: 'workspace', workspace: 'cimes', page: 'reward' });
  assert.deepEqual(parseRoute('/w/caf%C3%A9/map', ''), { name: 'workspace', workspace: 'café', page: 'map' });
});

test('anything else is not found', () => {
  for (const path of ['/w', '/w/cimes/unknown', '/w/cimes/listen/extra', '/login/again', '/settings', '/w/%E0%A4%A']) {
    assert.deepEqual(parseRoute(path, ''), { name: 'not-found' }, path);
  }
});

test('login keeps only a path of the app to return to', () => {
  assert.deepEqual(parseRoute('/login', '?next=%2Fw%2Fcimes%2Fmap'), { name: 'login', next: '/w/cimes/map' });
  assert.deepEqual(parseRoute('/login', '?next=https://evil.example'), { name: 'login', next: null });
  assert.deepEqual(parseRoute('/login', '?next=//evil.example'), { name: 'login', next: null });
  assert.deepEqual(parseRoute('/login', '?next=%2F%5Cevil.example'), { name: 'login', next: null });
  assert.deepEqual(parseRoute('/login', '?next=/'), { name: 'login', next: '/' });
});

test('builds workspace paths', () => {
  assert.equal(workspacePath('cimes'), '/w/cimes');
  assert.equal(workspacePath('cimes', 'spread'), '/w/cimes/spread');
  assert.equal(workspacePath('a b'), '/w/a%20b');
});
