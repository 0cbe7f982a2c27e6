/// <reference types="vite/client" />
/**
 * Every catalogue under locales/<language>/<namespace>.json, bundled into the app. A new namespace is a new
 * file per language: nothing here lists them, so an area's owner adds its own files without touching this one.
 */
import type { Resource, ResourceLanguage } from 'i18next';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

/** `{ en: { common: {…}, public: {…} }, ru: {…}, kk: {…} }` */
export function catalogues(): Resource {
  const resources: Record<string, ResourceLanguage> = {};
  for (const [path, messages] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] ??= {};
    resources[language][namespace] = messages;
  }
  return resources;
}
