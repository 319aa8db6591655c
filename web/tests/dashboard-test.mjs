// End-to-end test of the dashboard: starts `ricardo serve` on a free loopback port, opens the
// page in Debian's headless Chromium through playwright-core (never a downloaded browser), moves
// a tariff slider and checks that the welfare chart changes, switches retaliation off, and saves
// a screenshot.
//
// Usage: node dashboard-test.mjs --ricardo PATH/TO/ricardo [--screenshot FILE.png]
//          [--scenarios DIR] [--web-dir DIR] [--scenario NAME] [--measure ID] [--chromium PATH]
// Exit codes: 0 passed, 1 a check failed, 77 skipped (no Chromium or no playwright-core).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '..', '..');

function parseArguments(argv) {
  const options = {
    ricardo: null,
    screenshot: null,
    scenarios: path.join(project, 'tests', 'server', 'data', 'scenarios'),
    webDir: path.join(project, 'web', 'dist'),
    scenario: 'tariffs-test',
    measure: 's232-steel',
    chromium: process.env.RICARDO_CHROMIUM || '/usr/bin/chromium',
  };
  for (let k = 0; k < argv.length; ++k) {
    const value = argv[k + 1];
    switch (argv[k]) {
      case '--ricardo': options.ricardo = value; ++k; break;
      case '--screenshot': options.screenshot = value; ++k; break;
      case '--scenarios': options.scenarios = value; ++k; break;
      case '--web-dir': options.webDir = value; ++k; break;
      case '--scenario': options.scenario = value; ++k; break;
      case '--measure': options.measure = value; ++k; break;
      case '--chromium': options.chromium = value; ++k; break;
      default: throw new Error(`unknown argument ${argv[k]}`);
    }
  }
  return options;
}

// Starts the server and resolves with its port once it says where it listens.
function startServer(options) {
  const child = spawn(options.ricardo, [
    'serve', '--port', '0', '--scenarios', options.scenarios, '--web-dir', options.webDir,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ricardo serve did not start:\n${output}`)), 20000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => reject(new Error(`ricardo serve exited (${code}):\n${output}`)));
  });
  return { child, port, output: () => output };
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!options.ricardo) {
    console.error('usage: node dashboard-test.mjs --ricardo PATH [--screenshot FILE]');
    return 1;
  }
  if (!existsSync(options.chromium)) {
    console.error(`skipped: ${options.chromium} not found (install Debian's chromium package)`);
    return 77;
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    console.error('skipped: playwright-core is not installed (run scripts/install-deps.sh)');
    return 77;
  }
  if (!existsSync(path.join(options.webDir, 'index.html'))) {
    console.error(`${options.webDir}/index.html is missing: build the dashboard (cd web && npm run build)`);
    return 1;
  }

  const failures = [];
  const check = (condition, message) => {
    if (!condition) failures.push(message);
    console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
  };

  const server = startServer(options);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ricardo-dashboard-'));
  let context;
  try {
    const port = await server.port;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    const foreign = [];
    page.on('request', (r) => { if (!r.url().startsWith(`http://127.0.0.1:${port}/`)) foreign.push(r.url()); });

    const solves = () => page.evaluate(() => Number(document.body.dataset.solves || 0));
    const welfare = () => page.$eval('#welfare-chart', (e) => e.dataset.values);
    const welfareText = () => page.$eval('#welfare-chart', (e) => e.textContent);

    await page.goto(`http://127.0.0.1:${port}/?scenario=${options.scenario}`);
    await page.waitForFunction(() => Number(document.body.dataset.solves || 0) >= 1, null, { timeout: 30000 });
    check(await page.evaluate(() => document.body.dataset.state) === 'ok', 'the first solve succeeded');
    for (const id of ['welfare-chart', 'flow-map', 'bilateral-chart', 'tariff-chart', 'sector-chart']) {
      const marks = await page.$$eval(`#${id} svg rect, #${id} svg path`, (e) => e.length);
      check(marks > 3, `#${id} is drawn (${marks} marks)`);
    }
    const before = await welfare();
    const beforeText = await welfareText();

    // Move the slider of one measure: the chart must be redrawn with other numbers.
    const slider = page.locator(`input[type=range][data-rate="${options.measure}"]`);
    check(await slider.count() === 1, `a rate slider for ${options.measure}`);
    let count = await solves();
    await slider.fill('5');
    await page.waitForFunction((n) => Number(document.body.dataset.solves || 0) > n, count, { timeout: 30000 });
    const afterSlider = await welfare();
    check(afterSlider !== before, `moving the ${options.measure} slider to 5% changes the welfare chart`);
    check(await welfareText() !== beforeText, 'the welfare chart\'s labels were redrawn');
    const field = await page.locator(`[data-measure="${options.measure}"] input[type=number]`).inputValue();
    check(field === '5.0', `the rate field follows the slider (${field})`);

    // Retaliation off: Canada's welfare moves.
    const tag = page.locator('input[data-tag="retaliation"]');
    if (await tag.count() === 1) {
      count = await solves();
      await tag.uncheck();
      await page.waitForFunction((n) => Number(document.body.dataset.solves || 0) > n, count, { timeout: 30000 });
      check(await welfare() !== afterSlider, 'switching retaliation off changes the welfare chart');
    }

    // An impossible rate typed into a field is answered with the API's located message.
    count = await solves();
    await page.locator(`[data-measure="${options.measure}"] input[type=number]`).fill('40');
    await page.locator(`[data-measure="${options.measure}"] input[type=number]`).dispatchEvent('change');
    await page.waitForFunction((n) => Number(document.body.dataset.solves || 0) > n, count, { timeout: 30000 });
    check(await page.locator('#message').isHidden(), 'a valid rate typed in the field solves without error');

    check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.join('; ')}` : ''}`);
    check(foreign.length === 0, `no requests outside the server${foreign.length ? `: ${foreign.join(', ')}` : ''}`);
    if (options.screenshot) {
      await mkdir(path.dirname(options.screenshot), { recursive: true });
      await page.screenshot({ path: options.screenshot, fullPage: true });
      console.log(`screenshot: ${options.screenshot}`);
    }
  } catch (error) {
    failures.push(error.message);
    console.error(`FAIL ${error.message}`);
  } finally {
    if (context) await context.close();
    await rm(profile, { recursive: true, force: true });
    const code = await stopServer(server.child);
    if (code !== 0) failures.push(`ricardo serve exited with ${code} after SIGTERM:\n${server.output()}`);
  }
  console.log(`${failures.length === 0 ? 'dashboard test passed' : `dashboard test failed (${failures.length})`}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
