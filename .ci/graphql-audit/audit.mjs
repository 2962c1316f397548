// Runs graphql-http's GraphQL-over-HTTP server audits against a running server.
//
//   node audit.mjs http://127.0.0.1:8080/graphql
//
// Prints every audit that did not pass and the pass/fail counts by
// requirement level; exits 1 when any MUST or SHOULD audit fails (MAY
// failures are reported but allowed), 2 when the server cannot be audited.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL (for example http://127.0.0.1:8080/graphql)');
  process.exit(2);
}

const counts = {};
let failedRequired = 0;
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const level = audit.name.split(' ')[0];
  counts[level] ??= { passed: 0, failed: 0 };
  let result;
  try {
    result = await audit.fn();
  } catch (err) {
    result = { status: 'error', reason: `audit threw: ${err}` };
  }
  if (result.status === 'ok') {
    counts[level].passed++;
    continue;
  }
  counts[level].failed++;
  if (level !== 'MAY') failedRequired++;
  console.log(`FAIL ${audit.id} ${audit.name}: ${result.reason}`);
  if (result.response) {
    const body = await result.response.text().catch(() => '');
    console.log(`     status ${result.response.status}, content-type ${result.response.headers.get('content-type')}, body ${body.slice(0, 300)}`);
  }
}

let passed = 0;
let failed = 0;
for (const level of ['MUST', 'SHOULD', 'MAY']) {
  const c = counts[level] ?? { passed: 0, failed: 0 };
  passed += c.passed;
  failed += c.failed;
  console.log(`${level}: ${c.passed} passed, ${c.failed} failed`);
}
console.log(`audit: ${passed} passed, ${failed} failed`);
process.exit(failedRequired > 0 ? 1 : 0);
