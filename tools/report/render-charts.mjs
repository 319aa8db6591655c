// Renders Vega-Lite chart specs to SVG files, for ricardo's HTML report.
//
// Usage: node render-charts.mjs CHARTS.json OUT_DIR
//   CHARTS.json: {"charts": [{"name": "welfare", "spec": {...Vega-Lite spec with inline data...}}]}
//   Writes OUT_DIR/<name>.svg for every chart. Prints one line per chart on stdout.
// Exit codes: 0 all rendered, 1 a chart failed (message on stderr), 2 bad usage or input.
// No network: specs carry their data inline, and the vega loader is given no base URL.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const NAME_PATTERN = /^[a-z0-9_-]+$/;

async function renderOne(chart, outDir) {
  if (typeof chart.name !== 'string' || !NAME_PATTERN.test(chart.name)) {
    throw new Error(`chart name ${JSON.stringify(chart.name)} must match ${NAME_PATTERN}`);
  }
  const compiled = vegaLite.compile(chart.spec).spec;
  // A loader that refuses every URL keeps rendering offline and reproducible.
  const loader = vega.loader({ mode: 'file' });
  loader.load = async (uri) => { throw new Error(`chart ${chart.name}: external data '${uri}' is not allowed`); };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader, logLevel: vega.Warn });
  const svg = await view.toSVG();
  view.finalize();
  const file = path.join(outDir, `${chart.name}.svg`);
  await writeFile(file, svg);
  return file;
}

async function main() {
  const [input, outDir] = process.argv.slice(2);
  if (!input || !outDir) {
    console.error('usage: node render-charts.mjs CHARTS.json OUT_DIR');
    return 2;
  }
  let document;
  try {
    document = JSON.parse(await readFile(input, 'utf8'));
  } catch (e) {
    console.error(`${input}: cannot read chart specs: ${e.message}`);
    return 2;
  }
  if (!Array.isArray(document.charts)) {
    console.error(`${input}: expected an object with a "charts" array`);
    return 2;
  }
  for (const chart of document.charts) {
    try {
      console.log(await renderOne(chart, outDir));
    } catch (e) {
      console.error(`${input}: chart '${chart.name}': ${e.message}`);
      return 1;
    }
  }
  return 0;
}

process.exitCode = await main();
