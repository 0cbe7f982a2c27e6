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

export function loadWorldMap(): Promise<void> {
  registered ??= (async () => {
    const topology = (await import('world-atlas/countries-110m.json')).default as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const geo = feature(topology, topology.objects.countries);
    const features = geo.features
      .map((f) => {
        const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
        return code ? { ...f, properties: { name: code } } : null;
      })
      .filter((f) => f !== null);
    // ECharts takes GeoJSON; its own type is narrower than topojson-client's.
    registerMap('world', { type: 'FeatureCollection', features } as unknown as Parameters<typeof registerMap>[1]);
  })();
  return registered;
}
