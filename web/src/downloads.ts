// The page's download buttons: the tables as CSV (csv.ts) and each chart card as a PNG (png.ts),
// all made in the page from the last answer.
import type { RunResult } from './api';
import { countriesCsv, importsCsv, saveFile } from './csv';
import { chartPng } from './png';

function fileName(result: RunResult, what: string, extension: string): string {
  return `ricardo-${result.scenario.name || 'scenario'}-${what}.${extension}`;
}

function csvBlob(text: string): Blob {
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}

function button(text: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.title = title;
  return b;
}

export function wireDownloads(result: () => RunResult | null, importer: () => string): void {
  const csvCountries = document.getElementById('csv-countries');
  const csvImports = document.getElementById('csv-imports');
  csvCountries?.addEventListener('click', () => {
    const r = result();
    if (r) saveFile(csvBlob(countriesCsv(r)), fileName(r, 'countries', 'csv'));
  });
  csvImports?.addEventListener('click', () => {
    const r = result();
    const text = r && importsCsv(r, importer());
    if (r && text) saveFile(csvBlob(text), fileName(r, `imports-of-${importer()}`, 'csv'));
  });
  // A PNG button in each chart card's caption.
  for (const card of document.querySelectorAll<HTMLElement>('figure.card')) {
    const chart = card.querySelector<HTMLElement>('.chart');
    const caption = card.querySelector('figcaption');
    if (!chart || !caption) continue;
    const save = button('PNG', 'Save this chart as a PNG image');
    save.className = 'png';
    save.dataset.chart = chart.id;
    save.addEventListener('click', async () => {
      const r = result();
      if (!r) return;
      try {
        saveFile(await chartPng(card, chart), fileName(r, chart.id, 'png'));
      } catch (error) {
        save.title = error instanceof Error ? error.message : String(error);
      }
    });
    caption.append(save);
  }
}
