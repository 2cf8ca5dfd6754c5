/**
 * The Moodle side the catalog's handlers name: the courses (by shortname or id) and the roles (by shortname).
 * A simulated Moodle seeded with exactly these rows can run every handler of the demo catalog, and a check
 * of the catalog against the site (the plugin's handler "unit tests") finds nothing missing.
 *
 * Ids follow a fresh Moodle install: course 1 is the site itself, so courses start at 2; course category 1 is
 * the default one; the standard roles keep their install ids (1 manager ... 8 frontpage) and the custom
 * "Student+" role the shop sells comes next.
 */

export interface MoodleCourse {
  id: number;
  shortname: string;
  fullname: string;
  idnumber: string;
  categoryid: number;
}

export interface MoodleCourseCategory {
  id: number;
  name: string;
  parent: number;
}

export interface MoodleRole {
  id: number;
  shortname: string;
  /** '' for the standard roles: Moodle stores no name for them and shows its translated string instead. */
  name: string;
}

export const COURSE_CATEGORIES: readonly MoodleCourseCategory[] = [
  { id: 1, name: 'Catégorie 1', parent: 0 },
  { id: 2, name: 'Bureautique et numérique', parent: 0 },
  { id: 3, name: 'Langues', parent: 0 },
  { id: 4, name: 'Gestion, comptabilité et finance', parent: 0 },
  { id: 5, name: 'Management et efficacité professionnelle', parent: 0 },
  { id: 6, name: 'Santé, sécurité et réglementation', parent: 0 },
  { id: 7, name: 'Espace client', parent: 0 },
];

const COURSE_ROWS: readonly (readonly [shortname: string, fullname: string, categoryid: number])[] = [
  ['CUSTOMERSUPPORT', 'Espace client : vos factures, vos formations, votre support', 7],
  ['EXCEL-BASE', 'Excel : les fondamentaux', 2],
  ['EXCEL-AVANCE', 'Excel avancé : tableaux croisés, Power Query et macros', 2],
  ['WORD-PRO', 'Word : documents professionnels et publipostage', 2],
  ['PYTHON-INIT', 'Initiation à la programmation en Python', 2],
  ['CYBER-SENSIB', 'Sensibilisation à la cybersécurité', 2],
  ['ANGLAIS-B1', 'Anglais professionnel — niveau B1', 3],
  ['ANGLAIS-B2', 'Anglais professionnel — niveau B2', 3],
  ['TOEIC-PREP', 'Préparation au TOEIC® Listening & Reading', 3],
  ['COMPTA-GEN', 'Comptabilité générale : de la saisie au bilan', 4],
  ['PAIE-2026', 'Gestion de la paie — édition 2026', 4],
  ['AMF-PREP', "Préparation à l'examen certifié AMF", 4],
  ['RGPD-ESSENTIEL', "RGPD : l'essentiel pour les PME et les associations", 4],
  ['MANAGEMENT-EQUIPE', "Manager une équipe : les clés de l'animation", 5],
  ['PRISE-PAROLE', 'Prise de parole en public', 5],
  ['NEGOCIATION', 'Négociation commerciale', 5],
  ['FORMATEUR', 'Formation de formateurs', 5],
  ['SST', 'Sauveteur secouriste du travail (SST)', 6],
  ['HACCP', 'Hygiène alimentaire HACCP en restauration commerciale', 6],
];

export const COURSES: readonly MoodleCourse[] = COURSE_ROWS.map(([shortname, fullname, categoryid], index) => ({
  id: index + 2,
  shortname,
  fullname,
  idnumber: `FC-${shortname}`,
  categoryid,
}));

export const ROLES: readonly MoodleRole[] = [
  { id: 1, shortname: 'manager', name: '' },
  { id: 2, shortname: 'coursecreator', name: '' },
  { id: 3, shortname: 'editingteacher', name: '' },
  { id: 4, shortname: 'teacher', name: '' },
  { id: 5, shortname: 'student', name: '' },
  { id: 6, shortname: 'guest', name: '' },
  { id: 7, shortname: 'user', name: '' },
  { id: 8, shortname: 'frontpage', name: '' },
  { id: 9, shortname: 'studentplus', name: 'Étudiant+' },
];

export interface MoodleUser {
  id: number;
  username: string;
  firstname: string;
  lastname: string;
  email: string;
}

/** The site administrator of a fresh install; back-office actions are recorded under it and the staff below. */
export const ADMIN_USER_ID = 2;

/** The training company's sales staff (users 3 to 5), who appear in bill histories and assignments. */
export const STAFF_USERS: readonly MoodleUser[] = [
  { id: 3, username: 'c.roussel', firstname: 'Camille', lastname: 'Roussel', email: 'c.roussel@savoirs-competences.example' },
  { id: 4, username: 'm.nguyen', firstname: 'Minh', lastname: 'Nguyễn', email: 'm.nguyen@savoirs-competences.example' },
  { id: 5, username: 's.lefevre', firstname: 'Sophie', lastname: 'Lefèvre', email: 's.lefevre@savoirs-competences.example' },
];

export function courseByShortname(shortname: string): MoodleCourse {
  const course = COURSES.find((candidate) => candidate.shortname === shortname);
  if (!course) throw new Error(`demo data: no course ${shortname}`);
  return course;
}
