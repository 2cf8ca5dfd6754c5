import type { Prng } from './prng';

/**
 * The organisations that buy training: businesses (SARL, SAS, EURL, SCOP), associations, hospitals, schools,
 * town halls, care homes, with the accents and apostrophes their names carry, and their French company
 * identifiers (SIREN, intra-EU VAT number) for invoicing.
 */

const TRADES = [
  'Boulangerie',
  'Menuiserie',
  'Transports',
  'Plomberie',
  'Garage',
  'Imprimerie',
  'Conseil',
  'Électricité',
  'Pâtisserie',
  'Ébénisterie',
  'Informatique',
  'Bâtiment',
  'Paysages',
  'Optique',
  'Traiteur',
];
const SCHOOL_PATRONS = [
  'Jean-Moulin',
  'Marie-Curie',
  'Condorcet',
  'Émile-Zola',
  'Françoise-Dolto',
  'Louise-Michel',
  'Victor-Hugo',
  'Simone-Veil',
  'Aimé-Césaire',
  'Gustave-Eiffel',
  'Jules-Ferry',
  'Hélène-Boucher',
];
const HOMES = ['Les Tilleuls', 'Les Glycines', 'Le Clos Fleuri', 'La Roseraie', 'Les Écureuils', "L'Orée du Bois"];
const CAUSES = [
  "Les Amis de l'École",
  'Lire et Faire Lire en Région',
  'Insertion & Compétences',
  'Sport pour Tous',
  'Les Restos du Quartier',
  'Solidarité Numérique',
  "Culture et Loisirs d'Hérouville",
];

/** A French organisation's name: a business, an association, a hospital, a school, a town hall... */
export function organisationName(prng: Prng, lastname: string, city: string): string {
  switch (prng.int(0, 11)) {
    case 0:
      return `SARL ${prng.pick(TRADES)} ${lastname}`;
    case 1:
      return `SAS ${prng.pick(TRADES)} ${lastname} & Fils`;
    case 2:
      return `EURL ${lastname} ${prng.pick(TRADES)}`;
    case 3:
      return `Association ${prng.pick(CAUSES)}`;
    case 4:
      return `CHU de ${city}`;
    case 5:
      return `Lycée ${prng.pick(SCHOOL_PATRONS)}`;
    case 6:
      return `Collège ${prng.pick(SCHOOL_PATRONS)}`;
    case 7:
      return `Mairie de ${city}`;
    case 8:
      return `EHPAD ${prng.pick(HOMES)}`;
    case 9:
      return `Cabinet ${lastname} & Associés`;
    case 10:
      return `SCOP Les Ateliers de ${city}`;
    default:
      return `Établissements ${lastname} Frères`;
  }
}

/** A SIREN (9 digits, Luhn-valid) and its French VAT number (key = (12 + 3 × (SIREN mod 97)) mod 97). */
export function companyIdentifiers(prng: Prng): { siren: string; vatnumber: string } {
  const digits: number[] = [prng.int(1, 9)];
  for (let i = 1; i < 8; i += 1) digits.push(prng.int(0, 9));
  let sum = 0;
  // Luhn over the 8 digits followed by the check digit: from the right, every second digit is doubled.
  digits.forEach((digit, i) => {
    const doubled = i % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  digits.push((10 - (sum % 10)) % 10);
  const siren = digits.join('');
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return { siren, vatnumber: `FR${String(key).padStart(2, '0')}${siren}` };
}

/** An organisation outside France, named the way its country does (ASBL, Sàrl, inc., Ltd). */
export function foreignOrganisationName(prng: Prng, lastname: string, city: string, country: 'BE' | 'CH' | 'CA' | 'GB'): string {
  const trade = prng.pick(TRADES);
  switch (country) {
    case 'BE':
      return prng.chance(50) ? `SRL ${trade} ${lastname}` : `ASBL ${prng.pick(CAUSES)}`;
    case 'CH':
      return prng.chance(50) ? `${trade} ${lastname} Sàrl` : `Commune de ${city}`;
    case 'CA':
      return prng.chance(50) ? `${trade} ${lastname} inc.` : `Cégep de ${city}`;
    case 'GB':
      return `${lastname} Training Ltd`;
  }
}
