// The web app's typed client is generated from the API's OpenAPI document: a route changed
// without regenerating web/src/api/schema.d.ts (node scripts/api-types.ts) fails here.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';

test('web/src/api/schema.d.ts matches the OpenAPI document', async () => {
  const script = path.resolve(import.meta.dirname, '../../scripts/api-types.ts');
  const result = await promisify(execFile)(process.execPath, [script, '--check']).catch((error: { code: number; stdout: string; stderr: string }) => error);
  assert.ok(!('code' in result) || result.code === 0, `stale: run node scripts/api-types.ts\n${'stderr' in result ? result.stderr : ''}`);
});
