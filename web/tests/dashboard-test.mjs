// End-to-end test of the dashboard: starts `ricardo serve` on a free loopback port, opens the
// page in Debian's headless Chromium through playwright-core (never a downloaded browser), checks
// the measures' foldable groups by partner and the imports-by-partner table, unfolds a group and
// moves a tariff slider in it and checks that the welfare and diversion charts change, switches
// retaliation off, and saves a screenshot.
//
// Usage: node dashboard-test.mjs --ricardo PATH/TO/ricardo [--screenshot FILE.png]
//          [--scenarios DIR] [--web-dir DIR] [--scenario NAME] [--measure ID] [--chromium PATH]
//          [--needs-baseline DIR] (skipped, 77, when DIR/manifest.toml is missing)
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
    needsBaseline: null,
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
      case '--needs-baseline': options.needsBaseline = value; ++k; break;
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
  if (options.needsBaseline && !existsSync(path.join(options.needsBaseline, 'manifest.toml'))) {
    console.error(`skipped: no baseline package at ${options.needsBaseline}`);
    return 77;
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
    for (const id of ['welfare-chart', 'diversion-chart', 'flow-map', 'bilateral-chart', 'tariff-chart', 'sector-chart']) {
      const marks = await page.$$eval(`#${id} svg rect, #${id} svg path`, (e) => e.length);
      check(marks > 3, `#${id} is drawn (${marks} marks)`);
    }
    const before = await welfare();
    const beforeText = await welfareText();

    // Measures in foldable groups by partner: every measure in exactly one group, each header
    // counting its group's measures, only the first group unfolded.
    const groups = await page.$$eval('#measures > details.measure-group', (all) => all.map((d) => ({
      key: d.dataset.group,
      open: d.open,
      count: d.querySelector(':scope > summary .group-count')?.textContent ?? '',
      measures: d.querySelectorAll(':scope > .measure').length,
    })));
    const measureCount = await page.$$eval('#measures .measure', (e) => e.length);
    check(groups.length >= 2, `the measures are in groups (${groups.map((g) => `${g.key}:${g.measures}`).join(', ')})`);
    check(groups.reduce((n, g) => n + g.measures, 0) === measureCount && measureCount > 0,
          `every measure is in one group (${measureCount} measures)`);
    check(groups.every((g) => g.count === `${g.measures} measure${g.measures === 1 ? '' : 's'}`),
          `each group's header gives its count (${groups.map((g) => g.count).join('; ')})`);
    check(groups.length > 0 && groups[0].open && groups.slice(1).every((g) => !g.open),
          'only the first group is unfolded');
    check(new Set(groups.map((g) => g.key)).size === groups.length, 'one group per partner');
    if (options.scenario === 'tariffs-test') {
      // s232-steel has origin ALL; ieepa-canada origin CAN; ca-surtax (Canada's) origin USA.
      check(JSON.stringify(groups.map((g) => g.key).sort()) === JSON.stringify(['CAN', 'USA', '_all']),
            'tariffs-test: groups CAN, USA and All partners');
      check(groups[groups.length - 1].key === '_all', 'the All partners group comes last');
    }
    if (options.scenario === 'world-test') {
      const keys = groups.map((g) => g.key);
      check(keys.slice(-2).join() === '_several,_all', 'Several partners, then All partners, come last');
      check(groups.find((g) => g.key === 'CHN')?.measures === 2, 'China\'s two measures share a group');
    }

    // Imports by partner: a row per partner of the US, shares adding up to 100% before and
    // after and their changes to zero (to the table's rounding), as many bars as partners.
    const regions = await page.$$eval('#focus option', (o) => o.length);
    const table = await page.$$eval('#diversion-table tbody tr[data-partner]', (rows) => rows.map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent)));
    check(table.length === regions - 1, `the imports-by-partner table has a row per partner (${table.length} of ${regions - 1})`);
    const column = (k) => table.reduce((sum, row) => sum + Number(row[k]), 0);
    const tolerance = 0.006 * Math.max(1, table.length);
    check(Math.abs(column(4) - 100) <= tolerance && Math.abs(column(5) - 100) <= tolerance,
          `partners' shares add up to 100% before and after (${column(4).toFixed(2)}, ${column(5).toFixed(2)})`);
    check(Math.abs(column(6)) <= tolerance, `changes in share add up to zero (${column(6).toFixed(2)} points)`);
    const changes = table.map((row) => Number(row[6]));
    check(changes.every((c, k) => k === 0 || changes[k - 1] >= c), `partners are listed largest gain first (${changes.join(', ')})`);
    if (options.scenario === 'world-test') {
      check(table.length === 11 && table[table.length - 1][0] === 'CHN',
            `twelve regions: 11 partners of the US, China, taxed most, losing most share (${table.map((r) => r[0]).join(' ')})`);
    }
    const diversion = () => page.$eval('#diversion-chart', (e) => e.dataset.values);
    const diversionBefore = await diversion();
    check(JSON.parse(diversionBefore).length === table.length, 'the diversion chart has a bar per partner');

    // Move the slider of one measure, unfolding its group first (sliders in a folded group are
    // hidden): the charts must be redrawn with other numbers.
    const slider = page.locator(`input[type=range][data-rate="${options.measure}"]`);
    check(await slider.count() === 1, `a rate slider for ${options.measure}`);
    const group = page.locator('details.measure-group', { has: slider });
    if (!(await group.evaluate((d) => d.open))) {
      check(!(await slider.isVisible()), `${options.measure}'s slider is hidden while its group is folded`);
      await group.locator(':scope > summary').click();
      check(await group.evaluate((d) => d.open), `clicking ${await group.getAttribute('data-group')}'s header unfolds it`);
    }
    let count = await solves();
    await slider.fill('5');
    await page.waitForFunction((n) => Number(document.body.dataset.solves || 0) > n, count, { timeout: 30000 });
    const afterSlider = await welfare();
    check(afterSlider !== before, `moving the ${options.measure} slider to 5% changes the welfare chart`);
    check(await welfareText() !== beforeText, 'the welfare chart\'s labels were redrawn');
    const field = await page.locator(`[data-measure="${options.measure}"] input[type=number]`).inputValue();
    check(field === '5.0', `the rate field follows the slider (${field})`);
    check(await diversion() !== diversionBefore, `moving the ${options.measure} slider changes the imports by partner`);

    // Retaliation off: Canada's welfare moves.
    const tag = page.locator('input[data-tag="retaliation"]');
    if (await tag.count() === 1) {
      count = await solves();
      await tag.uncheck();
      await page.waitForFunction((n) => Number(document.body.dataset.solves || 0) > n, count, { timeout: 30000 });
      check(await welfare() !== afterSlider, 'switching retaliation off changes the welfare chart');
      // The tag rebuilds the measure list: the groups keep their folding.
      check(await group.evaluate((d) => d.open), 'the unfolded group stays unfolded after the tag switch');
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
