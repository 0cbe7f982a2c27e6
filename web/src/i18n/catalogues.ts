/// <reference types="vite/client" />
/**
 * Every catalogue under locales/<language>/<namespace>.json. A new namespace is a new file per language:
 * nothing here lists them, so an area's owner adds its own files without touching this one. English is
 * bundled (it is the fallback of every key); Russian and Kazakh are loaded when a reader needs them.
 */
import type { ResourceLanguage } from 'i18next';

const english = import.meta.glob<Record<string, unknown>>('./locales/en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<Record<string, unknown>>(['./locales/*/*.json', '!./locales/en/*.json'], {
  import: 'default',
});

function namespaceOf(path: string, language: string): string | null {
  const match = new RegExp(`/locales/${language}/([^/]+)\\.json$`).exec(path);
  return match?.[1] ?? null;
}

/** `{ common: {…}, public: {…}, … }` of one language: English at once, the others from their own chunks. */
export async function catalogueOf(language: string): Promise<ResourceLanguage> {
  const resources: ResourceLanguage = {};
  if (language === 'en') {
    for (const [path, messages] of Object.entries(english)) {
      const namespace = namespaceOf(path, 'en');
      if (namespace) resources[namespace] = messages;
    }
    return resources;
  }
  const files = Object.entries(others).filter(([path]) => namespaceOf(path, language));
  const loaded = await Promise.all(files.map(async ([path, load]) => [namespaceOf(path, language), await load()] as const));
  for (const [namespace, messages] of loaded) if (namespace) resources[namespace] = messages;
  return resources;
}
