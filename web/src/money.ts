// Welfare in money and per household, and the change in tariff revenue, from the run-result
// document (countries.<CODE>.welfare_money, welfare_per_household, tariff_revenue_change*; the
// terminal table's and the report's numbers), with a short note beside the US result on why its
// exact welfare can rise while its real wage falls. Every number comes from the answer.
import type { CountryResult, RunResult } from './api';
import {
  ADDED_TARIFF_LABEL, baseWeightsLabel, fixed, moneyDisplay, NORTH_AMERICA, signedPercent, wholeUnits,
} from './format';

function cell(tag: 'td' | 'th', text: string, numeric: boolean): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (numeric) element.className = 'num';
  return element;
}

// The regions shown: the three of North America when the baseline has them, else every region.
function shownCodes(result: RunResult): string[] {
  const codes = result.baseline.regions.map((r) => r.code).filter((c) => c in result.countries);
  const three = codes.filter((c) => (NORTH_AMERICA as readonly string[]).includes(c));
  return three.length > 0 ? three : codes;
}

function usNote(result: RunResult, us: CountryResult, money: { label: string; perUnit: number }): string {
  const currency = result.baseline.currency === 'USD' ? 'US$' : result.baseline.currency;
  // "US$ -5.2 bn" from the label "US$ bn".
  const [prefix, scale] = [money.label.slice(0, money.label.lastIndexOf(' ')), money.label.slice(money.label.lastIndexOf(' ') + 1)];
  const amount = (v: number | null | undefined) =>
    `${prefix} ${fixed(v === null || v === undefined ? v : v * money.perUnit, 1, true)} ${scale}`;
  const duties = us.effective_tariff;
  const peCost = duties && duties.added_at_base_weights_pct !== null
    ? (duties.added_at_base_weights_pct / 100) * duties.goods_imports_base : null;
  const perHousehold = peCost !== null && us.households ? (peCost * result.baseline.money_unit) / us.households : null;
  return `USA: welfare ${signedPercent(us.welfare_pct)} (${amount(us.welfare_money)} a year) beside a ` +
    `real wage of ${signedPercent(us.real_wage_pct)}. Welfare is real national income: it includes the tariff ` +
    `revenue the model rebates to households (change: ${amount(us.tariff_revenue_change)} a year) and the ` +
    `terms of trade (${signedPercent(us.welfare_tot_pct)} of income). A partial-equilibrium cost per household — ` +
    `the ${ADDED_TARIFF_LABEL.toLowerCase().replace(', %', '')} (${fixed(duties?.added_at_base_weights_pct, 2)}% ` +
    `${baseWeightsLabel(result.baseline)}) times pre-tariff goods imports — would be ${currency} ` +
    `${wholeUnits(perHousehold)} a year, with no rebate and no price response.`;
}

export function drawMoney(tableElement: HTMLElement, noteElement: HTMLElement, result: RunResult): void {
  const money = moneyDisplay(result.baseline, Object.values(result.countries).map((c) => c.income_base));
  const currency = result.baseline.currency === 'USD' ? 'US$' : result.baseline.currency;
  const perYear = `${money.label}/yr`;
  const head = ['Country', 'Welfare %', `Welfare ${perYear}`, `per household ${currency}/yr`,
                `Tariff revenue ${perYear}`, 'over 10 years'];
  const thead = document.createElement('thead');
  const headRow = document.createElement('tr');
  head.forEach((h, k) => headRow.append(cell('th', h, k > 0)));
  thead.append(headRow);
  const tbody = document.createElement('tbody');
  const amount = (v: number | null | undefined) => fixed(v === null || v === undefined ? v : v * money.perUnit, 1, true);
  for (const code of shownCodes(result)) {
    const c = result.countries[code];
    const row = document.createElement('tr');
    row.dataset.country = code;
    const perHousehold = cell('td', wholeUnits(c.welfare_per_household, true), true);
    if (c.households_note) perHousehold.title = c.households_note;
    row.append(cell('td', code, false), cell('td', fixed(c.welfare_pct, 2, true), true),
               cell('td', amount(c.welfare_money), true), perHousehold,
               cell('td', amount(c.tariff_revenue_change), true),
               cell('td', amount(c.tariff_revenue_change_10y), true));
    tbody.append(row);
  }
  const t = document.createElement('table');
  t.className = 'data';
  t.append(thead, tbody);
  tableElement.replaceChildren(t);
  const us = result.countries.USA;
  noteElement.textContent = us && us.welfare_money !== undefined
    ? usNote(result, us, money) +
      ` Money at ${result.baseline.year ?? 'base-year'} prices; 10 years: 10 × the annual change, static.`
    : '';
}
