// End-to-end test of the dashboard: starts `ricardo serve` on a free loopback port, opens the
// page in Debian's headless Chromium through playwright-core (never a downloaded browser), checks
// the measures' foldable groups by partner and the imports-by-partner table, unfolds a group and
// moves a tariff slider in it (the charts change, the title follows, the slider's mark sits at the
// rate as written), switches retaliation off, types rates the API would refuse (refused on the
// page, no solve sent), checks the address carries the edits and a reload restores them, that a
// bad address is reported and not fatal, the CSV and PNG downloads, that the charts stay in view
// while the measures scroll, the layout at 900 px wide, that the page stops and says why when the
// API's limits cannot be read, and — on a second server with the shipped scenarios — that the
// page opens on the main job's scenario. Saves a screenshot.
//
// Usage: node dashboard-test.mjs --ricardo PATH/TO/ricardo [--screenshot FILE.png]
//          [--scenarios DIR] [--web-dir DIR] [--scenario NAME] [--measure ID] [--chromium PATH]
//          [--needs-baseline DIR] (skipped, 77, when DIR/manifest.toml is missing)
// Exit codes: 0 passed, 1 a check failed, 77 skipped (no Chromium or no playwright-core).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
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

// The main job's scenario, which the page opens on when its address names none (main.ts).
const DEFAULT_SCENARIO = 'us-tariffs-2025-11';

// Starts the server and resolves with its port once it says where it listens. `scenarios` null:
// the shipped ones.
function startServer(options, scenarios = options.scenarios) {
  const child = spawn(options.ricardo, [
    'serve', '--port', '0', ...(scenarios ? ['--scenarios', scenarios] : []), '--web-dir', options.webDir,
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
  let shipped = null;
  try {
    const port = await server.port;
    const origin = `http://127.0.0.1:${port}`;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    // Requests that leave the machine (blob: and data: URLs of the downloads stay in the page).
    const foreign = [];
    const watchForeign = (p, server) => p.on('request', (r) => {
      if (/^(https?|wss?):/.test(r.url()) && !r.url().startsWith(`${server}/`)) foreign.push(r.url());
    });
    watchForeign(page, origin);
    let solveRequests = 0;
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/solve')) ++solveRequests; });

    const solves = () => page.evaluate(() => Number(document.body.dataset.solves || 0));
    const welfare = () => page.$eval('#welfare-chart', (e) => e.dataset.values);
    const welfareText = () => page.$eval('#welfare-chart', (e) => e.textContent);
    const ready = (name) => page.waitForFunction((n) => document.body.dataset.ready === n, name, { timeout: 30000 });
    const solvedAfter = (n) => page.waitForFunction((k) => Number(document.body.dataset.solves || 0) > k, n, { timeout: 30000 });

    await page.goto(`${origin}/?scenario=${options.scenario}`);
    await ready(options.scenario);
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
    const regions = await page.$$eval('#focus option', (o) => o.map((e) => e.value));
    const table = await page.$$eval('#diversion-table tbody tr[data-partner]', (rows) => rows.map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent)));
    check(table.length === regions.length - 1,
          `the imports-by-partner table has a row per partner (${table.length} of ${regions.length - 1})`);
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
    // The effective tariff: one number with one label. The table's "Added tariff on goods" columns
    // are the answer's imports_by_partner effective_tariff, and the tariff chart's bars among the
    // three are the same numbers; welfare in money and per household are the answer's.
    const answer = await page.evaluate(async (n) => (await fetch('/api/v1/solve', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: n, bilateral_sector: false, elasticity_flags: false }),
    })).json(), options.scenario);
    const year = answer.baseline.year;
    const headers = await page.$$eval('#diversion-table thead th', (h) => h.map((e) => e.textContent));
    check(headers.includes(`Added tariff on goods, %: at ${year} weights`) && headers.includes('after shifts'),
          `the imports-by-partner table labels the effective tariff "Added tariff on goods, %: at ${year} weights | after shifts" (${headers.join(' | ')})`);
    const usPartners = answer.imports_by_partner.find((m) => m.importer === 'USA').partners;
    const addedColumn = headers.indexOf(`Added tariff on goods, %: at ${year} weights`);
    const tableAdded = Object.fromEntries(table.map((r) => [r[0], Number(r[addedColumn])]));
    check(usPartners.every((p) => Math.abs(tableAdded[p.exporter] - p.effective_tariff.added_at_base_weights_pct) < 0.006),
          `the table's added tariff of each US partner is run.json's (${usPartners.map((p) => `${p.exporter} ${tableAdded[p.exporter]}`).join(', ')})`);
    const tariffBars = JSON.parse(await page.$eval('#tariff-chart', (e) => e.dataset.values));
    for (const code of ['CAN', 'MEX']) {
      const partner = usPartners.find((p) => p.exporter === code);
      const bar = tariffBars.find((b) => b[0] === `USA ← ${code}` && b[1] === `at ${year} weights`);
      check(partner && bar && Math.abs(bar[2] - partner.effective_tariff.added_at_base_weights_pct) < 1e-9 &&
            Math.abs(tableAdded[code] - bar[2]) < 0.006,
            `the tariff chart's USA ← ${code} bar at ${year} weights is the table's number (${bar?.[2]})`);
    }
    const moneyRows = await page.$$eval('#money-table tbody tr', (rows) => rows.map((r) =>
      [r.dataset.country, ...[...r.querySelectorAll('td')].slice(1).map((td) => td.textContent)]));
    const moneyHeaders = await page.$$eval('#money-table thead th', (h) => h.map((e) => e.textContent));
    check(moneyHeaders.some((h) => /^Welfare US\$ (bn|m)\/yr$/.test(h)) && moneyHeaders.includes('per household US$/yr'),
          `the welfare table shows welfare in US$ a year and per household (${moneyHeaders.join(' | ')})`);
    const usMoney = moneyRows.find((r) => r[0] === 'USA');
    const usAnswer = answer.countries.USA;
    const perUnit = answer.baseline.money_unit / (moneyHeaders[2].includes('bn') ? 1e9 : 1e6);
    check(usMoney && Math.abs(Number(usMoney[2]) - usAnswer.welfare_money * perUnit) < 0.051,
          `the US welfare in money is run.json's (${usMoney?.[2]} against ${(usAnswer.welfare_money * perUnit).toFixed(2)})`);
    check(usMoney && usAnswer.welfare_per_household !== null &&
          Math.abs(Number(usMoney[3].replace(/,/g, '')) - usAnswer.welfare_per_household) <= 0.5,
          `the US welfare per household is run.json's (${usMoney?.[3]} against ${usAnswer.welfare_per_household})`);
    const welfareNote = await page.$eval('#welfare-note', (e) => e.textContent);
    check(welfareNote.startsWith('USA: welfare') && welfareNote.includes('rebates') && welfareNote.includes('partial-equilibrium'),
          `a note beside the US result explains welfare against the real wage (${welfareNote.slice(0, 80)}…)`);
    check(await page.$eval('#run-warnings', (e) => e.hidden), 'no run warning when measures are in force');

    const diversion = () => page.$eval('#diversion-chart', (e) => e.dataset.values);
    const diversionBefore = await diversion();
    check(JSON.parse(diversionBefore).length === table.length, 'the diversion chart has a bar per partner');

    // The slider of one measure, unfolding its group first (sliders in a folded group are hidden).
    const row = page.locator(`[data-measure="${options.measure}"]`);
    const slider = page.locator(`input[type=range][data-rate="${options.measure}"]`);
    const field = page.locator(`input[data-rate-field="${options.measure}"]`);
    const title = row.locator('.measure-title');
    check(await slider.count() === 1, `a rate slider for ${options.measure}`);
    const group = page.locator('details.measure-group', { has: slider });
    if (!(await group.evaluate((d) => d.open))) {
      check(!(await slider.isVisible()), `${options.measure}'s slider is hidden while its group is folded`);
      await group.locator(':scope > summary').click();
      check(await group.evaluate((d) => d.open), `clicking ${await group.getAttribute('data-group')}'s header unfolds it`);
    }

    // The mark of the rate as written: the API's rate, and where the slider puts that rate.
    const detail = await page.evaluate(async (n) => (await fetch(`/api/v1/scenarios/${n}`)).json(), options.scenario);
    const measure = detail.measures.find((m) => m.id === options.measure);
    const asWritten = measure.rate * 100;
    const titleWritten = await title.textContent();
    const mark = row.locator('.as-written');
    check(Number(await mark.getAttribute('data-percent')) === asWritten,
          `${options.measure}'s slider is marked at its rate as written (${asWritten}%)`);
    check(Number(await slider.inputValue()) === asWritten && await field.inputValue() === asWritten.toFixed(1),
          `the slider and the field start at the rate as written (${await slider.inputValue()}, ${await field.inputValue()})`);

    let count = await solves();
    await slider.fill('5');
    await solvedAfter(count);
    const afterSlider = await welfare();
    check(afterSlider !== before, `moving the ${options.measure} slider to 5% changes the welfare chart`);
    check(await welfareText() !== beforeText, 'the welfare chart\'s labels were redrawn');
    check(await field.inputValue() === '5.0', `the rate field follows the slider (${await field.inputValue()})`);
    check(await diversion() !== diversionBefore, `moving the ${options.measure} slider changes the imports by partner`);
    const titleMoved = await title.textContent();
    check(titleMoved.includes(`${asWritten}% → 5%`), `the measure's title follows the slider ("${titleMoved}")`);

    // Clicking the slider at its mark brings the rate back to (about) the rate as written: the
    // mark is where the slider puts that rate.
    const box = await slider.boundingBox();
    const markBox = await mark.boundingBox();
    count = await solves();
    await page.mouse.click(markBox.x + markBox.width / 2, box.y + box.height / 2);
    await solvedAfter(count);
    const clicked = Number(await slider.inputValue());
    const step = Number(await slider.getAttribute('max')) / box.width;  // points per pixel
    check(Math.abs(clicked - asWritten) <= Math.max(1, 2 * step),
          `clicking the slider at its mark sets about the rate as written (${clicked}% for ${asWritten}%)`);
    count = await solves();
    await slider.fill('5');
    await solvedAfter(count);
    check(await welfare() === afterSlider, 'the slider back at 5% gives the same welfare as before');

    // Retaliation off: Canada's welfare moves.
    const tag = page.locator('input[data-tag="retaliation"]');
    if (await tag.count() === 1) {
      count = await solves();
      await tag.uncheck();
      await solvedAfter(count);
      check(await welfare() !== afterSlider, 'switching retaliation off changes the welfare chart');
      // The tag rebuilds the measure list: the groups keep their folding.
      check(await group.evaluate((d) => d.open), 'the unfolded group stays unfolded after the tag switch');
      check((await title.textContent()).includes('→ 5%'), 'the rebuilt list keeps the edited title');
    }

    // Uncertainty bands: the button asks POST /api/v1/draws for the current edits. The test
    // rewrites each draws request to 50 draws (the page asks for the server's default, 200) to
    // stay quick, and holds the first answer back to show that the sliders keep working while
    // bands are computed and that an answer for earlier edits is not drawn.
    const bandsState = () => page.evaluate(() => document.body.dataset.bands);
    const bandsDrawn = () => page.$eval('#welfare-chart', (e) => e.dataset.bands ?? null);
    const bandsButton = page.locator('#bands-button');
    check(await bandsState() === 'none' && await bandsDrawn() === null, 'no bands before the button is pressed');
    let hold = null;
    let drawsAsked = 0;
    await page.route('**/api/v1/draws', async (route) => {
      ++drawsAsked;
      const body = JSON.parse(route.request().postData());
      const response = await route.fetch({ postData: JSON.stringify({ ...body, draws: 50 }) });
      if (hold) await hold.promise;
      await route.fulfill({ response });
    });
    hold = {};
    hold.promise = new Promise((resolve) => { hold.release = resolve; });
    const welfareBeforeBands = await welfare();
    await bandsButton.click();
    await page.waitForFunction(() => document.body.dataset.bands === 'running');
    check(await bandsButton.isDisabled(), 'the bands button waits while its bands are computed');
    count = await solves();
    await slider.fill('7');
    await solvedAfter(count);
    check(await welfare() !== welfareBeforeBands && await bandsState() === 'running' && drawsAsked === 1,
          'a slider moved while bands are computed is solved and drawn at once (the bands request still pending)');
    check(!(await bandsButton.isDisabled()), 'after an edit the button may ask again for the new edits');
    hold.release();
    await page.waitForFunction(() => document.body.dataset.bands === 'stale', null, { timeout: 60000 });
    check(await bandsDrawn() === null, 'bands that come back for earlier edits are not drawn');
    hold = null;
    const bandsStarted = Date.now();
    await bandsButton.click();
    await page.waitForFunction(() => document.body.dataset.bands === 'shown', null, { timeout: 60000 });
    const bandsSeconds = (Date.now() - bandsStarted) / 1000;
    const drawn = JSON.parse(await bandsDrawn() ?? '[]');
    const welfareRows = JSON.parse(await welfare());
    check(drawn.length === welfareRows.length &&
          drawn.every(([, , p05, p50, p95]) => p05 <= p50 && p50 <= p95) &&
          drawn.some(([, , p05, , p95]) => p05 < p95),
          `a band for each bar of the welfare chart, 5th ≤ median ≤ 95th percentile (${drawn.length} bands, in ${bandsSeconds.toFixed(1)} s)`);
    const bandMarks = await page.$$eval('#welfare-chart svg g.band line, #welfare-chart svg g.band circle', (e) => e.length);
    check(bandMarks >= 4 * drawn.length, `the bands are drawn on the chart (${bandMarks} marks)`);
    const sentence = await page.locator('#bands-sentence');
    const sentenceText = await sentence.textContent();
    check(await sentence.isVisible() && sentenceText.includes('over 50 draws of the trade elasticities') &&
          sentenceText.includes('not a forecast interval'),
          `the sentence from the API says what the bands are ("${sentenceText}")`);
    check((await page.$eval('#bands-status', (e) => e.textContent)).startsWith('Bands from 50 draws'),
          'the status says how many draws the bands come from');
    count = await solves();
    await slider.fill('5');
    await solvedAfter(count);
    check(await bandsState() === 'stale' && await bandsDrawn() === null && !(await sentence.isVisible()),
          'an edit hides the bands and their sentence');
    check(await welfare() === welfareBeforeBands, 'the slider back at 5% gives the welfare of before the bands');
    await page.unroute('**/api/v1/draws');

    // Rates the API would refuse are refused on the page, with a message by the field, and not
    // sent; nothing is clamped.
    const error = row.locator('.field-error');
    const urlBeforeRefusal = page.url();
    for (const [typed, says] of [['600', '500%'], ['-1', 'below 0%'], ['abc', 'not a number']]) {
      const sent = solveRequests;
      await field.fill(typed);
      await field.press('Enter');
      await page.waitForTimeout(500);  // longer than the page's 120 ms debounce
      const text = (await error.isVisible()) ? await error.textContent() : '';
      check(text.includes(says) && text.includes('not solved'), `typing ${typed} is refused with a message ("${text}")`);
      check(solveRequests === sent, `typing ${typed} sends no solve (${solveRequests - sent} sent)`);
      check(await field.getAttribute('aria-invalid') === 'true', `the field is marked invalid after ${typed}`);
      check(await slider.inputValue() === '5', `the slider stays at the last good rate after ${typed}`);
    }
    check(page.url() === urlBeforeRefusal, 'refused rates do not reach the address');

    // A valid rate typed into the field is solved; the refusal goes away.
    count = await solves();
    await field.fill('40');
    await field.press('Enter');
    await solvedAfter(count);
    check(await page.locator('#message').isHidden(), 'a valid rate typed in the field solves without error');
    check(await error.isHidden() && await field.getAttribute('aria-invalid') === 'false', 'the refusal is cleared');
    check(await slider.inputValue() === '40', 'the slider follows the field');
    check((await title.textContent()).includes(`${asWritten}% → 40%`), 'the title follows the field');

    // The address carries the edits.
    const edited = new URL(page.url());
    check(edited.searchParams.get('scenario') === options.scenario &&
          edited.searchParams.get(`rate.${options.measure}`) === '40',
          `the address carries the scenario and the rate (${edited.search})`);
    if (await tag.count() === 1) {
      check(edited.searchParams.get('tag.retaliation') === '0', 'the address carries the retaliation switch');
    }
    const editedWelfare = await welfare();

    // Copy link puts the address on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.locator('#copy-link').click();
    await page.waitForFunction(() => document.getElementById('copy-note')?.textContent !== '', null, { timeout: 5000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    check(copied === page.url(), `Copy link copies the address (${copied})`);

    // Downloads: the tables as CSV, a chart as PNG.
    const download = async (selector) => {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.locator(selector).click()]);
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    };
    const countriesFile = await download('#csv-countries');
    const countryLines = countriesFile.bytes.toString('utf8').trim().split(/\r?\n/);
    check(countryLines[0] === 'country,name,welfare_pct,real_wage_pct,price_index_pct,exports_pct,imports_pct,' +
                             'average_tariff_base_pct,average_tariff_new_pct,income_base_usd_million,' +
                             'added_tariff_goods_at_base_weights_pct,added_tariff_goods_after_shifts_pct,' +
                             'welfare_money_usd_million,welfare_per_household',
          `the countries CSV has its header (${countryLines[0]})`);
    const csvCountries = countryLines.slice(1).map((l) => l.split(',')[0]);
    check(JSON.stringify(csvCountries) === JSON.stringify(regions),
          `the countries CSV has a row per country (${csvCountries.join(' ')})`);
    const shown = JSON.parse(editedWelfare).filter((r) => r[1] === 'Welfare');
    const csvWelfare = countryLines.slice(1).map((l) => Number(l.split(',')[2]));
    check(shown.every((r, k) => Math.abs(r[2] - csvWelfare[k]) < 1e-5),
          'the CSV\'s welfare is the chart\'s');
    const importsFile = await download('#csv-imports');
    const importLines = importsFile.bytes.toString('utf8').trim().split(/\r?\n/);
    check(importLines[0] === 'importer,partner,partner_name,imports_base_usd_million,imports_new_usd_million,' +
                             'imports_change_pct,share_base_pct,share_new_pct,share_change_pp,tariff_base_pct,tariff_new_pct,' +
                             'added_tariff_goods_at_base_weights_pct,added_tariff_goods_after_shifts_pct',
          `the imports-by-partner CSV has its header (${importLines[0]})`);
    check(importLines.length - 1 === table.length && importLines.slice(1).every((l) => l.startsWith('USA,')),
          `the imports-by-partner CSV has a row per partner of the US (${importLines.length - 1})`);
    for (const chart of ['welfare-chart', 'flow-map']) {
      const png = await download(`button.png[data-chart="${chart}"]`);
      const magic = png.bytes.subarray(0, 8).toString('hex');
      const width = png.bytes.length > 24 ? png.bytes.readUInt32BE(16) : 0;
      const height = png.bytes.length > 24 ? png.bytes.readUInt32BE(20) : 0;
      check(magic === '89504e470d0a1a0a' && width > 200 && height > 200,
            `${chart}'s PNG download is a PNG (${png.name}, ${png.bytes.length} bytes, ${width}×${height})`);
    }

    if (options.screenshot) {
      // The window as a user sees it with the edited measure scrolled into view: the sticky
      // results pane beside it, the window tall enough for every chart (the pane has its own
      // scroll in a shorter one).
      const tall = await page.$eval('.results', (e) => {
        window.scrollTo(0, 0);
        return Math.ceil(e.getBoundingClientRect().top + e.scrollHeight + 8);
      });
      await page.setViewportSize({ width: 1400, height: Math.max(1000, tall) });
      await page.waitForTimeout(400);  // the page redraws the charts 150 ms after a resize
      await row.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(100);
      await mkdir(path.dirname(options.screenshot), { recursive: true });
      await page.screenshot({ path: options.screenshot });
      console.log(`screenshot: ${options.screenshot}`);
      await page.setViewportSize({ width: 1400, height: 1000 });
    }

    // The pickers are in the address too.
    await page.selectOption('#importer', 'CAN');
    check(new URL(page.url()).searchParams.get('importer') === 'CAN', 'the address carries the importer picked');

    // A reload restores the page from its address: the same edits, the same answer.
    await page.reload();
    await ready(options.scenario);
    check(await page.$eval('#importer', (e) => e.value) === 'CAN', 'a reload restores the importer picked');
    check(await field.inputValue() === '40.0' && await slider.inputValue() === '40',
          `a reload restores the rate (${await field.inputValue()})`);
    if (await tag.count() === 1) check(!(await tag.isChecked()), 'a reload restores the retaliation switch');
    check((await title.textContent()).includes(`${asWritten}% → 40%`), 'a reload restores the title');
    check(await welfare() === editedWelfare, 'a reload gives the same welfare as before it');

    // The USMCA share refuses what is not a share, and the date is solved and kept in the address.
    await page.locator('#usmca-override').check();
    await solvedAfter(await solves());
    const share = page.locator('#usmca-share-number');
    const sent = solveRequests;
    await share.fill('150');
    await share.press('Enter');
    await page.waitForTimeout(500);
    const shareError = (await page.locator('#usmca-error').isVisible()) ? await page.locator('#usmca-error').textContent() : '';
    check(shareError.includes('100%') && solveRequests === sent, `a USMCA share of 150% is refused, not solved ("${shareError}")`);
    count = await solves();
    await share.fill('80');
    await share.press('Enter');
    await solvedAfter(count);
    check(new URL(page.url()).searchParams.get('usmca') === '80' && await page.locator('#usmca-error').isHidden(),
          'a USMCA share of 80% is solved and in the address');
    count = await solves();
    await page.locator('#date').fill('2025-12-01');
    await page.locator('#date').dispatchEvent('change');
    await solvedAfter(count);
    check(new URL(page.url()).searchParams.get('date') === '2025-12-01' &&
          await page.evaluate(() => document.body.dataset.state) === 'ok', 'a new date is solved and in the address');

    // A bad address is reported, not fatal: its usable parts are used, the others listed.
    const note = page.locator('#link-note');
    await page.goto(`${origin}/?scenario=${options.scenario}&rate.${options.measure}=600&rate.no-such-measure=5` +
                    '&tag.retaliation=maybe&usmca=abc&date=2025-13-45&colour=red');
    await ready(options.scenario);
    const noteText = (await note.isVisible()) ? await page.locator('#link-note-text').textContent() : '';
    check(['rate.' + options.measure + '=600', 'no-such-measure', 'usmca=abc', 'date=2025-13-45', 'colour=red']
            .every((part) => noteText.includes(part)), `a bad address is reported ("${noteText.trim()}")`);
    check(await page.evaluate(() => document.body.dataset.state) === 'ok' &&
          await slider.inputValue() === String(asWritten),
          'the page opens on the scenario as written despite the bad address');
    await page.goto(`${origin}/?scenario=no-such-scenario&rate.x=5`);
    await page.waitForFunction(() => Boolean(document.body.dataset.ready), null, { timeout: 30000 });
    check((await note.textContent()).includes('scenario=no-such-scenario'),
          `an unknown scenario in the address is reported, and ${await page.evaluate(() => document.body.dataset.ready)} opened`);

    // The charts stay in view while the measures scroll (the results pane is sticky), also at
    // 900 px wide; and at 900 px nothing scrolls sideways and the panes do not overlap.
    await page.goto(`${origin}/?scenario=${options.scenario}`);
    await ready(options.scenario);
    await page.$$eval('details.measure-group', (all) => all.forEach((d) => { d.open = true; }));
    for (const width of [1400, 900]) {
      await page.setViewportSize({ width, height: 500 });
      await page.waitForTimeout(400);
      await page.evaluate(() => window.scrollTo(0, 0));
      const measuresTop = await page.$eval('#measures', (e) => e.getBoundingClientRect().top);
      const first = await page.locator('#measures .measure').first().boundingBox();
      await page.mouse.move(first.x + 20, Math.min(450, first.y + 10));
      await page.mouse.wheel(0, 900);
      await page.waitForTimeout(400);
      const moved = measuresTop - await page.$eval('#measures', (e) => e.getBoundingClientRect().top);
      const chart = await page.$eval('#welfare-chart', (e) => JSON.parse(JSON.stringify(e.getBoundingClientRect())));
      check(moved >= 100, `at ${width}×500 the measures scroll (by ${moved.toFixed(0)} px)`);
      check(chart.top >= 0 && chart.bottom <= 500 && chart.height > 100,
            `at ${width}×500 the welfare chart stays in view after scrolling the measures (${chart.top.toFixed(0)}–${chart.bottom.toFixed(0)} px)`);
    }
    await page.setViewportSize({ width: 900, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    const layout = await page.evaluate(() => {
      const rect = (e) => e.getBoundingClientRect();
      const controls = rect(document.querySelector('.controls'));
      const results = rect(document.querySelector('.results'));
      const cards = [...document.querySelectorAll('.results .card')].map(rect);
      const overlaps = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      return {
        scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
        panesOverlap: overlaps(controls, results),
        cardsOverlap: cards.some((a, i) => cards.some((b, j) => i < j && overlaps(a, b))),
        cardsOutside: cards.filter((c) => c.left < results.left - 1 || c.right > results.right + 1).length,
        wideSvgs: [...document.querySelectorAll('.results .card .chart svg')]
          .filter((s) => rect(s).width > 15 && rect(s).right > rect(s.closest('.card')).right + 1).length,
      };
    });
    check(layout.scrollWidth <= 900, `at 900×800 nothing scrolls sideways (scrollWidth ${layout.scrollWidth})`);
    check(!layout.panesOverlap && !layout.cardsOverlap && layout.cardsOutside === 0 && layout.wideSvgs === 0,
          `at 900×800 nothing overlaps (${JSON.stringify(layout)})`);

    // With the shipped scenarios and no scenario in the address, the page opens on the main
    // job's scenario, with its sliders.
    const shippedBaseline = path.join(project, 'data', 'baselines', 'world', 'manifest.toml');
    if (existsSync(shippedBaseline)) {
      shipped = startServer(options, null);
      const shippedOrigin = `http://127.0.0.1:${await shipped.port}`;
      const fresh = await context.newPage();
      fresh.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
      fresh.on('pageerror', (e) => consoleErrors.push(e.message));
      watchForeign(fresh, shippedOrigin);
      await fresh.goto(`${shippedOrigin}/`);
      await fresh.waitForFunction(() => Boolean(document.body.dataset.ready), null, { timeout: 60000 });
      const opened = await fresh.$eval('#scenario', (e) => e.value);
      const sliders = await fresh.$$eval('input[type=range][data-rate]', (e) => e.length);
      const visible = await fresh.$$eval('details.measure-group[open] input[type=range][data-rate]', (e) => e.length);
      check(opened === DEFAULT_SCENARIO && await fresh.evaluate(() => document.body.dataset.ready) === DEFAULT_SCENARIO,
            `with no scenario in the address the page opens on ${DEFAULT_SCENARIO} (${opened})`);
      check(sliders > 10 && visible > 0, `${DEFAULT_SCENARIO} opens with sliders (${sliders}, ${visible} unfolded)`);
      check(new URL(fresh.url()).searchParams.get('scenario') === DEFAULT_SCENARIO, 'the address names it');
      await fresh.close();
    } else {
      console.log(`skip the default-scenario check: no ${shippedBaseline}`);
    }

    // The rate and share bounds come from GET /api/v1/limits (the page holds no copy): when that
    // request fails the page says so and solves nothing. (Its console is not watched: the
    // browser logs the refused request as an error.)
    const limitless = await context.newPage();
    let limitlessSolves = 0;
    limitless.on('request', (r) => { if (r.url().endsWith('/api/v1/solve')) ++limitlessSolves; });
    await limitless.route('**/api/v1/limits', (r) => r.fulfill({
      status: 503, contentType: 'application/json', body: '{"error":{"message":"limits withheld by the test"}}',
    }));
    await limitless.goto(`${origin}/?scenario=${options.scenario}`);
    await limitless.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 15000 });
    const limitlessStatus = await limitless.$eval('#status', (e) => e.textContent);
    check(limitlessStatus === "Cannot read the API's limits (GET /api/v1/limits): limits withheld by the test",
          `without the API's limits the page says so (${limitlessStatus})`);
    check(limitlessSolves === 0, `without the API's limits nothing is solved (${limitlessSolves} solves)`);
    await limitless.close();

    check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.join('; ')}` : ''}`);
    check(foreign.length === 0, `no requests outside the server${foreign.length ? `: ${foreign.join(', ')}` : ''}`);
  } catch (error) {
    failures.push(error.message);
    console.error(`FAIL ${error.message}`);
  } finally {
    if (context) await context.close();
    await rm(profile, { recursive: true, force: true });
    for (const s of [server, shipped].filter(Boolean)) {
      const code = await stopServer(s.child);
      if (code !== 0) failures.push(`ricardo serve exited with ${code} after SIGTERM:\n${s.output()}`);
    }
  }
  console.log(`${failures.length === 0 ? 'dashboard test passed' : `dashboard test failed (${failures.length})`}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
