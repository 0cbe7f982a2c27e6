/**
 * The overview's world map, drawn at publish time as inline SVG (no script needed): world-atlas's
 * 110m countries (TopoJSON, via topojson-client), an equirectangular projection, each country shaded
 * by its count. Country names come from the site's catalogue; every label is escaped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { type Html, html } from '../html.js';

type Ring = number[][];
type Shape = { code: string; rings: Ring[] };

let shapes: Shape[] | null = null;

/** A ring across the antimeridian (Chukotka, Fiji) is moved east so it is not drawn across the world. */
function unwrapRing(ring: Ring): Ring {
  const longitudes = ring.map((p) => p[0] ?? 0);
  if (Math.max(...longitudes) - Math.min(...longitudes) <= 180) return ring;
  return ring.map(([x = 0, y = 0]) => [x < 0 ? x + 360 : x, y]);
}

function worldShapes(): Shape[] {
  if (shapes) return shapes;
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  shapes = collection.features.flatMap((f) => {
    const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
    if (code === 'AQ' || !f.geometry) return [];
    const g = f.geometry as { type: string; coordinates: unknown };
    const rings =
      g.type === 'Polygon' ? (g.coordinates as Ring[]) : g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]).flat() : [];
    return [{ code: code ?? '', rings: rings.map(unwrapRing) }];
  });
  return shapes;
}

const width = 960;
const north = 84;
const south = -58;
const scale = width / 360;
const height = Math.round((north - south) * scale);
/** Room east of 180° for the rings moved across the antimeridian (Chukotka reaches about 190°). */
const viewWidth = Math.round(width + 12 * scale);
const shades = ['#dbe7f5', '#a9c7ea', '#6fa3d8', '#3a78bd', '#1b4f8f'];

const point = ([lon = 0, lat = 0]: number[]) =>
  `${((lon + 180) * scale).toFixed(1)},${((north - Math.max(south, Math.min(north, lat))) * scale).toFixed(1)}`;

/** The map: `counts` by ISO alpha-2 code; `label(code, count)` is each country's hover text. */
export function worldMap(
  id: string,
  title: string,
  counts: ReadonlyMap<string, number>,
  label: (code: string, count: number) => string,
): Html {
  const max = Math.max(1, ...counts.values());
  const paths = worldShapes().map((shape) => {
    const n = counts.get(shape.code) ?? 0;
    const fill = n === 0 ? '#eceef1' : shades[Math.min(shades.length - 1, Math.floor((shades.length * n) / (max + 1)))]!;
    const d = shape.rings.map((ring) => `M${ring.map(point).join('L')}Z`).join('');
    return n === 0
      ? html`<path d="${d}" fill="${fill}"></path>`
      : html`<path d="${d}" fill="${fill}" data-country="${shape.code}"><title>${label(shape.code, n)}</title></path>`;
  });
  return html`<figure class="chart map"><svg role="img" aria-labelledby="${id}" viewBox="0 0 ${viewWidth} ${height}" width="100%" preserveAspectRatio="xMidYMid meet"><title id="${id}">${title}</title><g stroke="#ffffff" stroke-width="0.4">${paths}</g></svg><figcaption>${title}</figcaption></figure>`;
}
