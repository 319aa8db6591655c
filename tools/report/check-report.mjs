// Opens an HTML report in Debian's headless Chromium (never a downloaded browser), checks that
// every chart rendered and that the page logged no console errors, and saves a screenshot.
//
// Usage: node check-report.mjs REPORT.html SCREENSHOT.png [--chromium PATH] [--expect-charts N]
//          [--expect-table 'CAPTION START=ROWS']... (a table whose caption starts so, with ROWS body rows)
//          [--expect-key-numbers N] (the key-results block at the top holds N numbers, none empty)
//          [--expect-stamp] (the footer shows the output stamp: commit, both SHA-256, months, time)
//          [--expect-pngs] (charts/NAME.png beside the report for every chart, a PNG file)
//          [--forbid-chart-text REGEX]... (no chart label, legend or table cell matches, e.g. codes)
//          [--expect-text REGEX]... (the page's visible text matches, e.g. a sentence under a table)
// Exit codes: 0 all checks passed, 1 a check failed (each failure on stderr), 2 bad usage or
// the browser could not start.
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

function parseArguments(argv) {
  const options = { chromium: process.env.RICARDO_CHROMIUM || '/usr/bin/chromium', expectCharts: null,
                    expectTables: [], expectKeyNumbers: null, expectStamp: false,
                    expectPngs: false, forbidChartText: [], expectText: [] };
  const positional = [];
  for (let k = 0; k < argv.length; ++k) {
    if (argv[k] === '--chromium') options.chromium = argv[++k];
    else if (argv[k] === '--expect-charts') options.expectCharts = Number(argv[++k]);
    else if (argv[k] === '--expect-table') {
      const [, caption, rows] = /^(.*)=(\d+)$/.exec(argv[++k]) ?? [];
      options.expectTables.push({ caption, rows: Number(rows) });
    }
    else if (argv[k] === '--expect-key-numbers') options.expectKeyNumbers = Number(argv[++k]);
    else if (argv[k] === '--expect-stamp') options.expectStamp = true;
    else if (argv[k] === '--expect-pngs') options.expectPngs = true;
    else if (argv[k] === '--forbid-chart-text') options.forbidChartText.push(new RegExp(argv[++k]));
    else if (argv[k] === '--expect-text') options.expectText.push(new RegExp(argv[++k]));
    else positional.push(argv[k]);
  }
  [options.report, options.screenshot] = positional;
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!options.report || !options.screenshot) {
    console.error('usage: node check-report.mjs REPORT.html SCREENSHOT.png [--chromium PATH] [--expect-charts N]');
    return 2;
  }
  if (!existsSync(options.report)) {
    console.error(`${options.report}: no such file`);
    return 2;
  }
  if (!existsSync(options.chromium)) {
    console.error(`${options.chromium}: Chromium not found (install Debian's chromium package)`);
    return 2;
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ricardo-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1200, height: 900 },
    });
  } catch (e) {
    console.error(`cannot start ${options.chromium}: ${e.message}`);
    await rm(profile, { recursive: true, force: true });
    return 2;
  }
  const failures = [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    // A self-contained report requests nothing but itself.
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) failures.push(`network request: ${request.url()}`);
    });
    await page.goto(pathToFileURL(path.resolve(options.report)).href, { waitUntil: 'load' });
    const charts = await page.$$eval('figure.chart', (figures) => figures.map((figure) => {
      const svg = figure.querySelector('svg');
      const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      return {
        id: figure.id,
        hasSvg: Boolean(svg),
        width: box.width,
        height: box.height,
        marks: svg ? svg.querySelectorAll('path, rect, text, line').length : 0,
      };
    }));
    if (charts.length === 0) failures.push('the report has no charts');
    if (options.expectCharts !== null && charts.length !== options.expectCharts) {
      failures.push(`expected ${options.expectCharts} charts, found ${charts.length}`);
    }
    for (const c of charts) {
      if (!c.hasSvg) failures.push(`${c.id}: no SVG`);
      else if (c.width < 50 || c.height < 50) failures.push(`${c.id}: SVG is ${c.width}×${c.height} px`);
      else if (c.marks < 5) failures.push(`${c.id}: SVG has only ${c.marks} marks`);
    }
    const tables = await page.$$eval('table', (all) => all.map((t) => ({
      caption: t.caption?.textContent ?? '',
      rows: t.tBodies[0]?.rows.length ?? 0,
    })));
    for (const want of options.expectTables) {
      const found = tables.find((t) => t.caption.startsWith(want.caption));
      if (!found) failures.push(`no table captioned '${want.caption}…'`);
      else if (found.rows !== want.rows) failures.push(`table '${found.caption}': ${found.rows} rows, expected ${want.rows}`);
    }
    if (options.expectKeyNumbers !== null) {
      const numbers = await page.$$eval('#key-results .key-number', (items) => items.map((li) => ({
        value: li.querySelector('.value')?.textContent.trim() ?? '',
        label: li.querySelector('.label')?.textContent.trim() ?? '',
      })));
      const sentences = await page.$$eval('#key-results p', (ps) => ps.length);
      if (numbers.length !== options.expectKeyNumbers) {
        failures.push(`key results: ${numbers.length} numbers, expected ${options.expectKeyNumbers}`);
      }
      if (sentences !== 3) failures.push(`key results: ${sentences} sentences, expected 3`);
      for (const n of numbers) {
        if (!n.value || !n.label) failures.push(`key result '${n.label}' has no value`);
      }
    }
    if (options.expectStamp) {
      const stamp = await page.$$eval('#stamp dt', (dts) => Object.fromEntries(
        dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent.trim() ?? ''])));
      const want = {
        'Git commit': /^(unknown|[0-9a-f]{40}(-dirty)?)$/,
        'Scenario SHA-256': /^[0-9a-f]{64}$/,
        'Baseline SHA-256': /^[0-9a-f]{64}$/,
        'Data months': /^\d{4}-\d\d(, \d{4}-\d\d)*$/,
        'Command line': /^ricardo /,
        'Made (UTC)': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
        Program: /^ricardo \d+\.\d+\.\d+/,
      };
      for (const [key, pattern] of Object.entries(want)) {
        if (!(key in stamp)) failures.push(`footer stamp: no '${key}'`);
        else if (!pattern.test(stamp[key])) failures.push(`footer stamp: '${key}' is '${stamp[key]}'`);
      }
    }
    if (options.expectText.length > 0) {
      const text = await page.evaluate(() => document.body.innerText);
      for (const pattern of options.expectText) {
        if (!pattern.test(text)) failures.push(`no visible text matches ${pattern}`);
      }
    }
    if (options.expectPngs) {
      const folder = path.join(path.dirname(path.resolve(options.report)), 'charts');
      for (const c of charts) {
        const png = path.join(folder, `${c.id.replace(/^chart-/, '')}.png`);
        if (!existsSync(png)) failures.push(`${c.id}: no ${png}`);
        else if (readFileSync(png).subarray(1, 4).toString() !== 'PNG') failures.push(`${png} is not a PNG`);
      }
    }
    if (options.forbidChartText.length > 0) {
      const texts = await page.$$eval('figure.chart svg text, table td, table th',
                                      (all) => all.map((t) => t.textContent.trim()));
      for (const pattern of options.forbidChartText) {
        const hit = texts.find((t) => pattern.test(t));
        if (hit !== undefined) failures.push(`chart or table text '${hit}' matches ${pattern}`);
      }
    }
    await page.screenshot({ path: options.screenshot, fullPage: true });
    console.log(`${charts.length} charts found: ${charts.map((c) => c.id).join(', ')}`);
    console.log(`screenshot: ${options.screenshot}`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  for (const f of failures) console.error(f);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
