/**
 * Every ECharts option the web builds, with hostile labels, and every formatter in it called with
 * hostile params. ECharts puts a tooltip formatter's string into the page as HTML, so tooltips must
 * escape all data; other formatters (axis, bar and mark labels) are drawn on the canvas as plain text.
 * The walk is generic: a new `*Option` export, a new formatter, or a removed escape fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RankingRow, TimelineSeries } from '../../web/src/compare/api.js';
import * as compareCharts from '../../web/src/compare/charts.js';
import * as userDataCharts from '../../web/src/compare/user-data-charts.js';
import { escapeHtml } from '../../web/src/components/escape-html.js';
import * as publicCharts from '../../web/src/public/charts.js';
import * as siteCharts from '../../web/src/public/site/charts.js';
import type { SiteOverview } from '../../web/src/public/site/site-api.js';

const hostile = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "'><svg onload=alert(1)>"];

const entries = hostile.map((label, i) => ({ key: label, label, value: i + 1 }));
const rankingRows: RankingRow[] = hostile.map((h, i) => ({
  rank: i + 1,
  country: h,
  countryName: h,
  requests: 10 - i,
  items: 20,
  accounts: null,
  governmentCriticismShare: 0.2,
  nationalSecurityShare: null,
  surge: i === 0,
  score: null,
}));
const reasons = hostile.map((reason, i) => ({ reason, requests: i + 1, share: (i + 1) / 6 }));
const timelineSeries: TimelineSeries[] = (['google-removals', 'platform'] as const).map((source) => ({
  source,
  label: hostile[0]!,
  requestKind: 'content_removal' as const,
  vintage: null,
  containsDemoData: false,
  points: hostile.map((period, i) => ({
    period,
    requests: i === 2 ? null : i + 1,
    items: null,
    accounts: null,
    listed: i !== 1,
    surge: i === 0,
    score: null,
    baselineMedian: null,
    baselineMad: null,
  })),
}));

const siteOverview: SiteOverview = {
  rows: hostile.map((period, i) => ({
    country: 'KZ',
    period,
    removalOrders: i + 1,
    removalItems: 2,
    dataOrders: i,
    containsDemoData: false,
  })),
  countries: hostile.map((country, i) => ({ country, removalOrders: i + 1, removalItems: 2, dataOrders: i })),
  periods: hostile,
  containsDemoData: false,
};
const siteNames = {
  country: (code: string) => code,
  number: (n: number) => `${hostile[1]}${n}`,
  orders: hostile[2]!,
  removal: hostile[0]!,
  data: hostile[1]!,
};

type Build = () => unknown[];

/** Hostile inputs for every exported option builder; an export missing here fails the first test. */
const builders: Record<string, Record<string, Build>> = {
  'public/charts': {
    barOption: () => [publicCharts.barOption(entries), publicCharts.barOption(entries, true)],
    donutOption: () => [publicCharts.donutOption(entries)],
  },
  'compare/charts': {
    rankingOption: () => [
      compareCharts.rankingOption(rankingRows, 'requests'),
      compareCharts.rankingOption(rankingRows, 'accounts'),
    ],
    reasonOption: () => [compareCharts.reasonOption(reasons)],
    timelineOption: () => [
      compareCharts.timelineOption(hostile, timelineSeries, false),
      compareCharts.timelineOption(hostile, timelineSeries, true),
    ],
  },
  'public/site/charts': {
    mapOption: () => [siteCharts.mapOption(siteOverview, siteNames)],
    timelineOption: () => [siteCharts.timelineOption(siteOverview, siteNames)],
  },
  'compare/user-data-charts': {
    comparedOption: () => {
      const series = hostile.map((name, i) => ({
        name,
        values: [i, null, i + 1],
        color: '#000',
        kind: i === 0 ? ('bar' as const) : ('line' as const),
      }));
      return [
        userDataCharts.comparedOption(hostile, series, (v) => `${hostile[0]}${v}`),
        userDataCharts.comparedOption(hostile, series, (v) => `${v}`, true),
      ];
    },
  },
};
const modules: Record<string, Record<string, unknown>> = {
  'public/charts': publicCharts,
  'compare/charts': compareCharts,
  'compare/user-data-charts': userDataCharts,
  'public/site/charts': siteCharts,
};

type Found = { path: string; html: boolean; formatter: unknown };

/** Every `formatter` / `valueFormatter` in an option; those under a `tooltip` become HTML. */
function formatters(node: unknown, path: string[] = []): Found[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => formatters(child, [...path, String(i)]));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = [...path, key];
    if (/formatter$/i.test(key)) return [{ path: here.join('.'), html: here.includes('tooltip'), formatter: value }];
    return formatters(value, here);
  });
}

/** ECharts' callback params (single and array), every field that can carry data set to hostile text, in every index a chart uses. */
function paramsLists(): unknown[][] {
  const lists: unknown[][] = [];
  for (const h of hostile) {
    for (const dataIndex of [0, 1, 2]) {
      for (const seriesIndex of [0, 1]) {
        const base = { componentType: 'series', seriesIndex, dataIndex, name: h, seriesName: h, marker: h, percent: h, color: h };
        const asObject = { ...base, value: h, data: { name: h, value: [dataIndex, h], surge: true, listed: false } };
        const asNumber = { ...base, value: dataIndex + 1, data: { name: h, value: [dataIndex, 1], surge: false, listed: true } };
        const asText = { ...base, value: h, data: h };
        for (const p of [asObject, asNumber, asText])
          lists.push([p, dataIndex], [[p, { ...asNumber, seriesIndex: 1 - seriesIndex }]]);
      }
    }
  }
  return lists;
}

/** Axis label formatters are called with the axis value and its index instead. */
const axisArgs = [0, 1, 2].map((i) => [i, i]);

/** What a tooltip may contain besides escaped text: the tags our formatters write themselves. */
const ownTags = /<(?:b|\/b|br|\/span|span style="[^"<>]*")>/g;

const everyOption = () =>
  Object.entries(builders).flatMap(([module, fns]) =>
    Object.entries(fns).flatMap(([name, build]) => build().map((option) => ({ chart: `${module} ${name}`, option }))),
  );

const webSource = fileURLToPath(new URL('../../web/src/', import.meta.url));

describe('chart options with hostile labels', () => {
  it('covers every web module that writes an ECharts formatter or tooltip', () => {
    const files = readdirSync(webSource, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const withFormatters = files
      .filter((f) => /\b(formatter|valueFormatter|tooltip)\s*:/.test(readFileSync(path.join(webSource, f), 'utf8')))
      .map((f) =>
        f
          .replace(/\.tsx?$/, '')
          .split(path.sep)
          .join('/'),
      )
      .sort();
    expect(withFormatters).toEqual(Object.keys(modules).sort());
  });

  it('covers every exported option builder of the chart modules', () => {
    for (const [module, exports] of Object.entries(modules)) {
      const optionExports = Object.entries(exports)
        .filter(([name, value]) => typeof value === 'function' && name.endsWith('Option'))
        .map(([name]) => name)
        .sort();
      expect(optionExports, module).toEqual(Object.keys(builders[module] ?? {}).sort());
    }
  });

  it('keeps tooltips as function formatters, so that their escaping is ours and checked here', () => {
    for (const { chart, option } of everyOption()) {
      for (const f of formatters(option).filter((f) => f.html)) {
        expect(typeof f.formatter, `${chart} ${f.path}`).toBe('function');
      }
    }
  });

  it('escapes every piece of data that a tooltip formatter returns as HTML', () => {
    let tooltips = 0;
    for (const { chart, option } of everyOption()) {
      for (const { path, html, formatter } of formatters(option)) {
        if (typeof formatter !== 'function') continue;
        const where = `${chart} ${path}`;
        let showedData = false;
        for (const args of html ? paramsLists() : [...paramsLists(), ...axisArgs]) {
          const out: unknown = formatter(...args);
          expect(['string', 'number'], where).toContain(typeof out);
          const text = String(out);
          if (!html) {
            expect(text, `${where}: canvas text is shown as is, so it must not be escaped`).not.toContain('&lt;');
            continue;
          }
          for (const h of hostile) expect(text, where).not.toContain(h);
          expect(text.replace(ownTags, ''), `${where}: ${text}`).not.toMatch(/[<>]/);
          if (hostile.some((h) => text.includes(escapeHtml(h)))) showedData = true;
        }
        if (html) {
          tooltips++;
          // Otherwise the calls above never reached the data, and the test would prove nothing.
          expect(showedData, `${where} never showed a hostile label`).toBe(true);
        }
      }
    }
    expect(tooltips).toBeGreaterThanOrEqual(5);
  });

  it('leaves canvas labels as plain text, not escaped', () => {
    const axis = compareCharts.timelineOption(hostile, timelineSeries, false).xAxis as {
      axisLabel: { formatter: (v: number) => string };
    };
    expect(axis.axisLabel.formatter(0)).toBe(hostile[0]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12.5)).toBe('12.5');
  });
});
