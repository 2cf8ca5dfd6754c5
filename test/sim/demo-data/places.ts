import type { Prng, Weighted } from './prng';

/**
 * Postal addresses: mostly France (overseas departments and Corsica included, whose postcodes start with 97
 * and 20), some Belgium, Switzerland, Canada (Québec) and the United Kingdom, each written the way that
 * country writes it, so address formatting and country filters have real cases to show.
 */

export type Country = 'FR' | 'BE' | 'CH' | 'CA' | 'GB';

export interface Place {
  city: string;
  zip: string;
  country: Country;
}

export interface Address extends Place {
  address: string;
}

/** Cities with the start of their postcodes; Paris, Lyon and Marseille get an arrondissement. */
const FRENCH_CITIES: readonly (readonly [string, string])[] = [
  ['Paris', '750'],
  ['Lyon', '6900'],
  ['Marseille', '130'],
  ['Lille', '59000'],
  ['Bordeaux', '33000'],
  ['Toulouse', '31000'],
  ['Nantes', '44000'],
  ['Strasbourg', '67000'],
  ['Rennes', '35000'],
  ['Grenoble', '38000'],
  ['Montpellier', '34000'],
  ['Nice', '06000'],
  ['Saint-Étienne', '42000'],
  ['Besançon', '25000'],
  ['Orléans', '45000'],
  ['Évry-Courcouronnes', '91000'],
  ['Béziers', '34500'],
  ['Nîmes', '30000'],
  ['Aix-en-Provence', '13100'],
  ['Clermont-Ferrand', '63000'],
  ['Le Havre', '76600'],
  ['Reims', '51100'],
  ['Pointe-à-Pitre', '97110'],
  ['Saint-Denis', '97400'],
  ['Ajaccio', '20000'],
  ["L'Haÿ-les-Roses", '94240'],
  ['Quimper', '29000'],
  ['Châlons-en-Champagne', '51000'],
  ['Angoulême', '16000'],
  ['Mâcon', '71000'],
  ["Villeneuve-d'Ascq", '59650'],
  ['Hérouville-Saint-Clair', '14200'],
  ['Brest', '29200'],
  ['Metz', '57000'],
];

const STREET_TYPES = ['rue', 'avenue', 'boulevard', 'place', 'impasse', 'allée', 'chemin', 'quai', 'cours'];
const STREET_NAMES = [
  'de la République',
  'Victor-Hugo',
  'Jean-Jaurès',
  'des Lilas',
  'du Général-de-Gaulle',
  'Pasteur',
  "de l'Église",
  'Émile-Zola',
  'des Écoles',
  'du Château',
  'Saint-Honoré',
  'Léon-Blum',
  'des Tanneurs',
  'de la Gare',
  'Gambetta',
  'Édith-Piaf',
  "Jeanne-d'Arc",
  'des Prés-Fleuris',
  'du Maréchal-Foch',
  'de la Libération',
  'des Côtes-d’Armor',
];

const FOREIGN: readonly (Place & { streets: readonly string[] })[] = [
  { city: 'Bruxelles', zip: '1000', country: 'BE', streets: ['Rue de la Loi', 'Avenue Louise', 'Chaussée de Wavre'] },
  { city: 'Liège', zip: '4000', country: 'BE', streets: ['Rue Saint-Gilles', 'Boulevard de la Sauvenière'] },
  { city: 'Namur', zip: '5000', country: 'BE', streets: ["Rue de l'Ange", 'Avenue de la Gare'] },
  { city: 'Genève', zip: '1201', country: 'CH', streets: ['Rue du Rhône', 'Boulevard Carl-Vogt', 'Quai du Mont-Blanc'] },
  { city: 'Lausanne', zip: '1003', country: 'CH', streets: ['Avenue de Rumine', 'Rue du Petit-Chêne'] },
  { city: 'Neuchâtel', zip: '2000', country: 'CH', streets: ['Faubourg du Lac', 'Rue des Épancheurs'] },
  { city: 'Montréal', zip: 'H2X 1Y4', country: 'CA', streets: ['boulevard René-Lévesque Ouest', 'rue Sainte-Catherine'] },
  { city: 'Québec', zip: 'G1R 4P5', country: 'CA', streets: ['Grande Allée Est', 'rue Saint-Jean'] },
  { city: 'London', zip: 'EC1A 1BB', country: 'GB', streets: ['Station Road', 'Church Lane', 'High Street'] },
  { city: 'Manchester', zip: 'M1 1AE', country: 'GB', streets: ['Oxford Road', 'Deansgate'] },
  { city: 'Edinburgh', zip: 'EH1 1YZ', country: 'GB', streets: ['Princes Street', 'Leith Walk'] },
];

const COUNTRY_WEIGHTS: readonly Weighted<Country>[] = [
  { value: 'FR', weight: 86 },
  { value: 'BE', weight: 5 },
  { value: 'CH', weight: 4 },
  { value: 'CA', weight: 3 },
  { value: 'GB', weight: 2 },
];

const ARRONDISSEMENTS: Readonly<Record<string, number>> = { '750': 20, '130': 16, '6900': 9 };

function frenchPlace(prng: Prng): Place {
  const [city, zipStart] = prng.pick(FRENCH_CITIES);
  // A short start is a city with arrondissements: complete it with one (75001–75020, 69001–69009...).
  const zip =
    zipStart.length === 5 ? zipStart : zipStart + String(prng.int(1, ARRONDISSEMENTS[zipStart] ?? 1)).padStart(5 - zipStart.length, '0');
  return { city, zip, country: 'FR' };
}

export function address(prng: Prng): Address {
  const country = prng.weighted(COUNTRY_WEIGHTS);
  if (country === 'FR') {
    const place = frenchPlace(prng);
    const suffix = prng.chance(8) ? prng.pick([' bis', ' ter']) : '';
    const street = `${prng.int(1, 180)}${suffix} ${prng.pick(STREET_TYPES)} ${prng.pick(STREET_NAMES)}`;
    // Some French addresses have a second line (building, P.O. box): kept on one line with a comma.
    const extra = prng.chance(10) ? prng.pick([', Bâtiment B', ', Résidence Les Érables', ', BP 42', ', 3e étage']) : '';
    return { ...place, address: street + extra };
  }
  const candidates = FOREIGN.filter((place) => place.country === country);
  const { streets, ...place } = prng.pick(candidates);
  const number = prng.int(1, 250);
  // Belgium and Switzerland put the number after the street, Canada and the United Kingdom before it.
  const line = country === 'BE' || country === 'CH' ? `${prng.pick(streets)} ${number}` : `${number} ${prng.pick(streets)}`;
  return { ...place, address: line };
}

/** Where a course session can take place: a city name for the session's title. */
export function frenchCity(prng: Prng): string {
  return prng.pick(FRENCH_CITIES)[0];
}
