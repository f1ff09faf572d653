// Time from page load to the first result of <cleanprod-calculator sector="hotel"> in headless
// Chromium (Debian's), cold (a fresh browser context: nothing cached) and warm (reloaded).
//   node wasm/bench/first-result.mjs [runs]      (after scripts/build-wasm)
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../demo/serve.mjs';

const runs = Number(process.argv[2] ?? 5);
const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/bench/first-result.html`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
const warm = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const list of [cold, warm]) {
      if (list === cold) await page.goto(url);
      else await page.reload();
      await page.waitForFunction(() => window.firstResult !== undefined, null, { timeout: 120_000 });
      list.push(await page.evaluate(() => window.firstResult));
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const show = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
console.log(`cold: median ${median(cold).toFixed(0)} ms (${show(cold)})`);
console.log(`warm: median ${median(warm).toFixed(0)} ms (${show(warm)})`);
