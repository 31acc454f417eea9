// What a gazetteer of city names does not know: how people write places in a profile.
// Curated for relais (folded keys: lower case, no accents). Country names in French and
// English come from i18n-iso-countries (country.ts); these are the rest.

/** Places and nicknames → country: exonyms GeoNames files under another name, regions, slang. */
export const PLACE_ALIASES: Readonly<Record<string, string>> = {
  // nicknames and abbreviations
  paname: 'FR', panam: 'FR', 'la ville lumiere': 'FR', idf: 'FR', 'ile de france': 'FR', 'clermont fd': 'FR',
  'cote d azur': 'FR', 'la reunion': 'RE', 'outre mer': 'FR', nyc: 'US', 'new york city': 'US',
  ny: 'US', sf: 'US', 'bay area': 'US', 'sf bay area': 'US', 'silicon valley': 'US', la: 'US', dc: 'US', philly: 'US',
  'the big apple': 'US', mtl: 'CA', 'ville de quebec': 'CA', 'la belle province': 'CA',
  // exonyms: the French or English name of a city GeoNames files under its local name
  bruxelles: 'BE', brussel: 'BE', anvers: 'BE', gand: 'BE', bruges: 'BE', geneva: 'CH', geneve: 'CH',
  bale: 'CH', basel: 'CH', zurich: 'CH', berne: 'CH', londres: 'GB', edimbourg: 'GB', douvres: 'GB', barcelone: 'ES',
  seville: 'ES', saragosse: 'ES', munich: 'DE', muenchen: 'DE', cologne: 'DE', francfort: 'DE', hambourg: 'DE',
  'aix la chapelle': 'DE', turin: 'IT', milan: 'IT', rome: 'IT', venise: 'IT', florence: 'IT', naples: 'IT', genes: 'IT',
  lisbonne: 'PT', porto: 'PT', varsovie: 'PL', cracovie: 'PL', prague: 'CZ', moscou: 'RU', pekin: 'CN', shanghai: 'CN',
  'new delhi': 'IN', bombay: 'IN', 'le caire': 'EG', alger: 'DZ', tanger: 'MA', marrakech: 'MA', casa: 'MA',
  'la haye': 'NL', 'the hague': 'NL', copenhague: 'DK', stockholm: 'SE', athenes: 'GR', montreal: 'CA', quebec: 'CA',
  munchen: 'DE', koln: 'DE', wien: 'AT', vienna: 'AT', torino: 'IT', milano: 'IT', roma: 'IT', napoli: 'IT',
  firenze: 'IT', venezia: 'IT', genova: 'IT', praha: 'CZ', warszawa: 'PL', lisboa: 'PT', sevilla: 'ES', genf: 'CH',
  chamonix: 'FR', 'val d isere': 'FR', courchevel: 'FR', 'saint malo': 'FR', 'st malo': 'FR', 'nouvelle orleans': 'US', 'la nouvelle orleans': 'US', 'new orleans': 'US',
  // French regions and historic provinces
  alsace: 'FR', aquitaine: 'FR', auvergne: 'FR', bourgogne: 'FR', bretagne: 'FR', brittany: 'FR', champagne: 'FR',
  corse: 'FR', corsica: 'FR', 'franche comte': 'FR', languedoc: 'FR', limousin: 'FR', lorraine: 'FR', normandie: 'FR',
  normandy: 'FR', occitanie: 'FR', picardie: 'FR', provence: 'FR', 'pays basque': 'FR', 'pays de la loire': 'FR',
  savoie: 'FR', 'haute savoie': 'FR', isere: 'FR', vercors: 'FR', chartreuse: 'FR', 'hautes alpes': 'FR',
  'alpes maritimes': 'FR', pyrenees: 'FR', 'hauts de france': 'FR', 'grand est': 'FR', 'nouvelle aquitaine': 'FR',
  'rhone alpes': 'FR', 'auvergne rhone alpes': 'FR', 'provence alpes cote d azur': 'FR', paca: 'FR', doubs: 'FR',
  finistere: 'FR', gironde: 'FR', 'cote d or': 'FR', drome: 'FR', ardeche: 'FR', jura: 'FR', 'mont blanc': 'FR',
  // Swiss, Belgian, Canadian regions
  valais: 'CH', vaud: 'CH', 'suisse romande': 'CH', romandie: 'CH', ticino: 'CH', wallonie: 'BE', flandre: 'BE',
  flanders: 'BE', wallonia: 'BE', ontario: 'CA', 'british columbia': 'CA', alberta: 'CA', 'colombie britannique': 'CA',
  // United Kingdom's nations
  england: 'GB', angleterre: 'GB', scotland: 'GB', ecosse: 'GB', wales: 'GB', 'pays de galles': 'GB',
  'northern ireland': 'GB', uk: 'GB', 'u k': 'GB', gb: 'GB', britain: 'GB',
  // countries people write other ways
  usa: 'US', 'u s a': 'US', 'u s': 'US', us: 'US', america: 'US', 'etats unis': 'US', amerique: 'US',
  holland: 'NL', 'la suisse': 'CH', 'la belgique': 'BE', 'la france': 'FR', deutschland: 'DE', espana: 'ES',
  italia: 'IT', brasil: 'BR', nederland: 'NL', schweiz: 'CH', svizzera: 'CH', osterreich: 'AT', sverige: 'SE',
  norge: 'NO', danmark: 'DK', polska: 'PL', 'cote d ivoire': 'CI', 'ivory coast': 'CI', senegal: 'SN',
};

/** US states (codes and names): a qualifier such as "Paris, TX" or "Denver, Colorado". */
export const US_STATES: Readonly<Record<string, string>> = {
  al: 'alabama', ak: 'alaska', az: 'arizona', ar: 'arkansas', ca: 'california', co: 'colorado', ct: 'connecticut',
  de: 'delaware', fl: 'florida', ga: 'georgia', hi: 'hawaii', id: 'idaho', il: 'illinois', in: 'indiana', ia: 'iowa',
  ks: 'kansas', ky: 'kentucky', la: 'louisiana', me: 'maine', md: 'maryland', ma: 'massachusetts', mi: 'michigan',
  mn: 'minnesota', ms: 'mississippi', mo: 'missouri', mt: 'montana', ne: 'nebraska', nv: 'nevada',
  nh: 'new hampshire', nj: 'new jersey', nm: 'new mexico', ny: 'new york', nc: 'north carolina', nd: 'north dakota',
  oh: 'ohio', ok: 'oklahoma', or: 'oregon', pa: 'pennsylvania', ri: 'rhode island', sc: 'south carolina',
  sd: 'south dakota', tn: 'tennessee', tx: 'texas', ut: 'utah', vt: 'vermont', va: 'virginia', wa: 'washington',
  wv: 'west virginia', wi: 'wisconsin', wy: 'wyoming', dc: 'district of columbia',
};

/** Canadian provinces and territories: codes and names (English and French). */
export const CA_PROVINCES: Readonly<Record<string, string>> = {
  qc: 'quebec', on: 'ontario', bc: 'british columbia', ab: 'alberta', mb: 'manitoba', sk: 'saskatchewan',
  ns: 'nova scotia', nb: 'new brunswick', nl: 'newfoundland', pe: 'prince edward island', yt: 'yukon',
  nt: 'northwest territories', nu: 'nunavut',
};

/** French département numbers as written after a city: "Grenoble (38)", "Gap (05)", "Ajaccio 2A". */
export const FR_DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2a|2b|97[1-6])$/;
/** A French postcode: "75011 Paris". */
export const FR_POSTCODE = /^(0[1-9]|[1-8]\d|9[0-5])\d{3}$/;

/** Locations that name no place, or one too big to be a country ("Europe"). */
export const NOWHERE = new Set(
  `earth terre world monde internet online web partout ailleurs nowhere somewhere everywhere ici here home chez moi
  europe afrique africa asie asia ameriques americas worldwide planete planet moon lune paradise paradis heaven hell
  enfer mars universe univers galaxy galaxie cloud`.split(/\s+/).filter(Boolean),
);
