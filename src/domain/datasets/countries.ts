/**
 * Country names as Meta publishes them (there is no code column) to ISO 3166-1 alpha-2 codes, so
 * that Meta's figures can sit beside Google's. The English names come from the runtime's CLDR data
 * (Intl.DisplayNames); Meta's own spellings that differ are listed below. A name that matches
 * nothing (e.g. "Somaliland", which has no ISO code) is reported, never guessed.
 */

const metaSpellings: Record<string, string> = {
  antigua: 'AG',
  'bonaire, sint eustatius and saba': 'BQ',
  'czech republic': 'CZ',
  'democratic republic of the congo': 'CD',
  'federated states of micronesia': 'FM',
  'heard island and mcdonald islands': 'HM',
  'hong kong': 'HK',
  'ivory coast': 'CI',
  macau: 'MO',
  macao: 'MO',
  macedonia: 'MK',
  myanmar: 'MM',
  'netherlands antilles': 'AN',
  palestine: 'PS',
  pitcairn: 'PN',
  'republic of the congo': 'CG',
  'saint helena': 'SH',
  'south georgia and the south sandwich islands': 'GS',
  'south korea': 'KR',
  'saint vincent and the grenadines': 'VC',
  'north korea': 'KP',
  swaziland: 'SZ',
  'the bahamas': 'BS',
  'the gambia': 'GM',
  turkey: 'TR',
  'united states minor outlying islands': 'UM',
  'us virgin islands': 'VI',
  'vatican city': 'VA',
  'wallis and futuna': 'WF',
  kosovo: 'XK',
};

/** Lower case, no accents, `&` as `and`, `St.` as `Saint`, single spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\.?\s/g, 'saint ')
    .replace(/\s+/g, ' ')
    .trim();
}

let byName: Map<string, string> | undefined;

function namesFromCldr(): Map<string, string> {
  const names = new Map<string, string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code) names.set(nameKey(name), code);
    }
  for (const [name, code] of Object.entries(metaSpellings)) names.set(nameKey(name), code);
  return names;
}

/** The ISO code for a published country name, or null when the name is not a known country. */
export function countryCodeForName(name: string): string | null {
  byName ??= namesFromCldr();
  return byName.get(nameKey(name)) ?? null;
}

/** An English name for a code, for codes that only ever appear as codes. */
export function countryNameForCode(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
