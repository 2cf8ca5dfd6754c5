import type { Prng } from './prng';

/**
 * Names and e-mail addresses of a French training company's customers. The names carry the
 * accents, ligatures and apostrophes real French data has (Éloïse Lefèvre, Lebœuf, d'Alembert), and a few
 * percent are written in other scripts, so every screen, search, sort and export meets them early.
 */

export interface PersonName {
  firstname: string;
  lastname: string;
  /** ASCII words the e-mail address is made from (a transliteration for the other scripts). */
  latin: [string, string];
}

const FIRSTNAMES = [
  'Éloïse',
  'François',
  'Zoë',
  'Hélène',
  'Jérôme',
  'Benoît',
  'Maëlle',
  'Noël',
  'Anaïs',
  'Chloé',
  'Clément',
  'Léa',
  'Inès',
  'Raphaël',
  'Gaëlle',
  'Loïc',
  'Céline',
  'Sébastien',
  'Amélie',
  'Théo',
  'Cécile',
  'Aurélien',
  'Frédéric',
  'Solène',
  'Joël',
  'Françoise',
  'Renée',
  'Agnès',
  'Camille',
  'Lucas',
  'Manon',
  'Hugo',
  'Emma',
  'Louis',
  'Jade',
  'Arthur',
  'Louise',
  'Gabriel',
  'Alice',
  'Nathan',
  'Sarah',
  'Thomas',
  'Julie',
  'Nicolas',
  'Marie',
  'Pierre',
  'Claire',
  'Antoine',
  'Mélanie',
  'Yannick',
  'Ségolène',
  'Gwénaël',
  'Maïwenn',
  'Thaïs',
  'Hervé',
  'André',
  'Étienne',
  'Édouard',
  'Océane',
  'Jean-Baptiste',
  'Marie-Hélène',
  'Anne-Sophie',
  'Kévin',
  'Yasmine',
  'Mohamed',
  'Aïcha',
  'Moussa',
  'Fatoumata',
  'Karim',
  'Leïla',
  'Ludovic',
  'Véronique',
  'Stéphane',
  'Valérie',
  'Jérémy',
  'Bérénice',
];

const LASTNAMES = [
  'Lefèvre',
  'Nguyễn',
  'Brontë',
  'Dupré',
  'Gaillard',
  'Bérenger',
  'Lemaître',
  'Château',
  'Müller',
  'Fabre',
  'Girard',
  'Morel',
  'Fournier',
  'Mercier',
  'Bonnet',
  'Lambert',
  'Rousseau',
  'Faure',
  'André',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Roussel',
  'Hénaff',
  'Le Goff',
  'Le Bihan',
  'Kerouédan',
  "d'Alembert",
  'de La Fontaine',
  'Saint-Aubin',
  'Benhamou',
  'Haddad',
  'Diallo',
  'Traoré',
  'Ferreira',
  'Da Silva',
  'García',
  'Łukasik',
  'Dvořák',
  'Ødegaard',
  'Çelik',
  'Öztürk',
  'Ibáñez',
  'Pérez',
  'Lefebvre',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Petit',
  'Durand',
  'Dubois',
  'Martin',
  'Bernard',
  'Thomas',
  'Robert',
  'Richard',
  'Lebœuf',
  'Cœurderoy',
  'Nicolaï',
  'Trần',
  'Phạm',
  'Lê',
  'Hoàng',
  "N'Diaye",
  'Mbengue',
  'Jégou',
  'Quéré',
  'Lévêque',
];

/** Names in other scripts, with the transliteration their owner would use in an e-mail address. */
const OTHER_SCRIPTS: readonly PersonName[] = [
  { firstname: 'Δημήτρης', lastname: 'Παπαδόπουλος', latin: ['dimitris', 'papadopoulos'] },
  { firstname: 'Ελένη', lastname: 'Γεωργίου', latin: ['eleni', 'georgiou'] },
  { firstname: 'Наталья', lastname: 'Иванова', latin: ['natalia', 'ivanova'] },
  { firstname: 'Дмитрий', lastname: 'Соколов', latin: ['dmitri', 'sokolov'] },
  { firstname: 'Олена', lastname: 'Шевченко', latin: ['olena', 'shevchenko'] },
  { firstname: 'يوسف', lastname: 'بن علي', latin: ['youssef', 'benali'] },
  { firstname: 'فاطمة', lastname: 'الزهراء', latin: ['fatima', 'zahra'] },
  { firstname: '芳', lastname: '王', latin: ['fang', 'wang'] },
  { firstname: '伟', lastname: '李', latin: ['wei', 'li'] },
  { firstname: '静', lastname: '陈', latin: ['jing', 'chen'] },
  { firstname: '花子', lastname: '佐藤', latin: ['hanako', 'sato'] },
  { firstname: '翔太', lastname: '鈴木', latin: ['shota', 'suzuki'] },
];

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ł: 'l', ø: 'o', đ: 'd', ı: 'i' };

/** Lowercase ASCII letters only: accents dropped, ligatures spelled out, spaces, hyphens and apostrophes removed. */
export function asciiWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæßłøđı]/g, (c) => LIGATURES[c] ?? '')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/** A person's name: French most of the time, another script `otherScriptPercent` % of the time. */
export function personName(prng: Prng, otherScriptPercent = 4): PersonName {
  if (prng.chance(otherScriptPercent)) return prng.pick(OTHER_SCRIPTS);
  const firstname = prng.pick(FIRSTNAMES);
  // Some French people carry two family names.
  const lastname = prng.chance(4) ? `${prng.pick(LASTNAMES)}-${prng.pick(LASTNAMES)}` : prng.pick(LASTNAMES);
  return { firstname, lastname, latin: [asciiWord(firstname), asciiWord(lastname)] };
}

/** Reserved `.example` domains: demo data must never mail a real person. */
const MAIL_PROVIDERS = ['orange', 'free', 'laposte', 'gmail', 'sfr', 'outlook', 'wanadoo', 'yahoo', 'proton', 'bbox'];

/**
 * The local part of an address, in one of the styles people pick (eloise.lefevre, elefevre, lefevre.eloise).
 * It is all letters, dots and hyphens: a number appended to it (the customer's id) therefore makes the whole
 * address unique without keeping the addresses already given.
 */
export function mailLocalPart(prng: Prng, name: PersonName): string {
  const [first, last] = name.latin;
  const style = prng.int(0, 4);
  if (style === 0) return `${first}.${last}`;
  if (style === 1) return `${first.slice(0, 1)}${last}`;
  if (style === 2) return `${last}.${first}`;
  if (style === 3) return `${first}-${last}`;
  return `${first}${last}`;
}

export function mailDomain(prng: Prng, organisation: string): string {
  if (organisation !== '' && prng.chance(70)) {
    const slug = asciiWordsJoined(organisation).slice(0, 30);
    if (slug !== '') return `${slug}.example`;
  }
  return `${prng.pick(MAIL_PROVIDERS)}.example`;
}

function asciiWordsJoined(text: string): string {
  return text
    .split(/[\s']+/)
    .map(asciiWord)
    .filter((word) => word.length > 2)
    .join('-');
}
