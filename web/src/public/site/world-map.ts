/**
 * The world map's shapes: world-atlas's 110m countries (TopoJSON) loaded on demand, turned into
 * GeoJSON by topojson-client, each country named by its ISO alpha-2 code (from its numeric id,
 * i18n-iso-countries) and registered with ECharts once as `world`.
 */
import { registerMap } from 'echarts/core';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

let registered: Promise<void> | null = null;

type Ring = number[][];

/**
 * A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from +180° to −180°, which a
 * flat map draws as a line across the world: its western points are moved east by 360° instead.
 */
function unwrapRing(ring: Ring): Ring {
  const longitudes = ring.map((p) => p[0] ?? 0);
  if (Math.max(...longitudes) - Math.min(...longitudes) <= 180) return ring;
  return ring.map(([x = 0, ...rest]) => [x < 0 ? x + 360 : x, ...rest]);
}

function unwrapped<G>(geometry: G): G {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (g?.type === 'Polygon') return { ...g, coordinates: (g.coordinates as Ring[]).map(unwrapRing) } as G;
  if (g?.type === 'MultiPolygon')
    return { ...g, coordinates: (g.coordinates as Ring[][]).map((polygon) => polygon.map(unwrapRing)) } as G;
  return geometry;
}

export function loadWorldMap(): Promise<void> {
  registered ??= (async () => {
    const topology = (await import('world-atlas/countries-110m.json')).default as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const geo = feature(topology, topology.objects.countries);
    const features = geo.features
      .map((f) => {
        const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
        // Areas without an ISO code (Kosovo, Somaliland, …) stay on the map, under their own name, without figures.
        return { ...f, geometry: unwrapped(f.geometry), properties: { name: code ?? `~${f.properties?.name ?? ''}` } };
      })
      // Antarctica sends no orders, and its ring round the pole cannot be drawn flat.
      .filter((f) => f.properties.name !== 'AQ');
    // ECharts takes GeoJSON; its own type is narrower than topojson-client's.
    registerMap('world', { type: 'FeatureCollection', features } as unknown as Parameters<typeof registerMap>[1]);
  })();
  return registered;
}
