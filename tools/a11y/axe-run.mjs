// axe-core on HTML pages in Debian's Chromium (headless, offline), driven by playwright-core.
// usage: node axe-run.mjs FILE.html [FILE.html ...]  -> JSON lines on stdout, each with a "kind":
// violation, incomplete (axe could not decide), summary (one per file); exit 1 if any violation.
// Installed with the pinned tools: (cd tools/a11y && npm ci --ignore-scripts); apt-get install chromium.
// Used by scripts/a11y_web.py (run_axe), which reads these lines.
import { chromium } from 'playwright-core';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const profile = mkdtempSync(join(tmpdir(), 'axe-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let violations = 0;
try {
  // refuse every request that is not a local file: the page must be self-contained
  await context.route(url => !url.href.startsWith('file:'), route => route.abort());
  for (const file of process.argv.slice(2)) {
    const page = await context.newPage();
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations', 'incomplete'],
    }));
    for (const v of result.violations) {
      violations += 1;
      console.log(JSON.stringify({ kind: 'violation', file, id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length }));
    }
    for (const v of result.incomplete) {
      console.log(JSON.stringify({ kind: 'incomplete', file, id: v.id, impact: v.impact, help: v.help, count: v.nodes.length }));
    }
    if (process.env.AXE_PASSES) console.log(JSON.stringify({ kind: 'passes', file, passes: result.passes.map(p => p.id) }));
    console.log(JSON.stringify({ kind: 'summary', file, axe: result.testEngine.version, violations: result.violations.length,
      passes: result.passes.length, incomplete: result.incomplete.length }));
    await page.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(violations ? 1 : 0);
