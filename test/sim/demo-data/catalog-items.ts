import { ONLINE_COURSES } from './catalog-courses';
import { enrol, extend, session, type ItemSpec } from './catalog-item-spec';

/**
 * The rest of the master catalog (company sessions, options, certificates, credits, books, packs) and the
 * English slave catalog's overrides and own items.
 */
export const MASTER_ITEMS: readonly ItemSpec[] = [
  ...ONLINE_COURSES,
  // Sessions d'entreprise (category 7): seats with named learners and tutors
  {
    code: 'SESSION-EXCEL',
    name: 'Session entreprise Excel (par siège)',
    category: 7,
    prices: [
      [1, 25000],
      [5, 22000],
      [10, 19000],
    ],
    tax: 'standard',
    ...session('EXCEL-BASE', 'teacher'),
  },
  {
    code: 'SESSION-ANGLAIS',
    name: 'Session entreprise Anglais B2 (par siège)',
    category: 7,
    prices: [
      [1, 70000],
      [5, 64000],
      [10, 59000],
    ],
    tax: 'standard',
    ...session('ANGLAIS-B2', 'teacher'),
  },
  {
    code: 'SESSION-SST',
    name: 'Session entreprise SST (par siège)',
    category: 7,
    prices: [
      [1, 21000],
      [8, 18000],
    ],
    tax: 'standard',
    ...session('SST', 'editingteacher'),
  },
  {
    code: 'SESSION-RGPD',
    name: 'Session entreprise RGPD (par siège)',
    category: 7,
    prices: [
      [1, 8500],
      [10, 7000],
      [50, 5500],
    ],
    tax: 'standard',
    ...session('RGPD-ESSENTIEL'),
  },
  {
    code: 'SESSION-MANAGEMENT',
    name: 'Session entreprise Management (par siège)',
    category: 7,
    prices: [
      [1, 80000],
      [5, 74000],
    ],
    tax: 'exempt',
    status: 'PREVIEW',
    ...session('MANAGEMENT-EQUIPE', 'teacher'),
  },
  {
    code: 'SESSION-PYTHON',
    name: 'Session entreprise Python (par siège)',
    category: 7,
    prices: [
      [1, 40000],
      [5, 36000],
    ],
    tax: 'standard',
    ...session('PYTHON-INIT', 'teacher'),
  },
  // Options et prolongations (category 8)
  {
    code: 'EXCEL-EXT-1M',
    name: 'Excel : prolongation d’un mois',
    category: 8,
    prices: [[1, 4900]],
    tax: 'standard',
    ...extend('EXCEL-BASE', 30),
  },
  {
    code: 'PYTHON-EXT-1M',
    name: 'Python : prolongation d’un mois',
    category: 8,
    prices: [[1, 7900]],
    tax: 'standard',
    ...extend('PYTHON-INIT', 30),
  },
  {
    code: 'STUDENTPLUS-SITE',
    name: 'Statut Étudiant+ sur toute la plateforme',
    category: 8,
    prices: [[1, 49000]],
    tax: 'standard',
    handler: 'std_assignroleoncontext',
    params: { contextlevel: 10, instance: 0, role: 'studentplus' },
    required: [{ field: 'foruser', label: 'Identifiant du bénéficiaire', type: 'textfield' }],
  },
  {
    code: 'SUPPORT-PREMIUM',
    name: 'Support premium — 1 an',
    category: 8,
    prices: [[1, 12000]],
    tax: 'standard',
    renewable: true,
    ...enrol('CUSTOMERSUPPORT', { endtime: '+365D' }),
  },
  // Certificats et crédits (category 9): no handler in the community edition
  { code: 'CERTIF-EXCEL', name: 'Certificat de réussite Excel', category: 9, prices: [[1, 4900]], tax: 'standard' },
  {
    code: 'CERTIF-SST',
    name: 'Certificat SST',
    category: 9,
    prices: [
      [1, 3900],
      [10, 3200],
    ],
    tax: 'standard',
  },
  {
    code: 'CREDITS-10',
    name: '10 crédits de formation',
    category: 9,
    prices: [
      [1, 50000],
      [5, 47500],
    ],
    tax: 'exempt',
    renewable: true,
  },
  { code: 'CREDITS-50', name: '50 crédits de formation', category: 9, prices: [[1, 225000]], tax: 'exempt', renewable: true },
  // Livres et supports (category 10): books at 5.5 %, shipped
  {
    code: 'LIVRE-EXCEL',
    name: 'Excel pas à pas (livre)',
    category: 10,
    prices: [
      [1, 2990],
      [10, 2590],
    ],
    tax: 'reduced',
    stock: 120,
  },
  {
    code: 'LIVRE-COMPTA',
    name: 'La comptabilité sans peine (livre)',
    category: 10,
    prices: [
      [1, 3490],
      [10, 3090],
    ],
    tax: 'reduced',
    stock: 80,
  },
  {
    code: 'LIVRE-ANGLAIS',
    name: 'Business English : 1 000 phrases clés (livre)',
    category: 10,
    prices: [[1, 2450]],
    tax: 'reduced',
    status: 'SUSPENDED',
    stock: 0,
  },
  {
    code: 'GUIDE-SST',
    name: 'Guide du secouriste (livret)',
    category: 10,
    prices: [
      [1, 1590],
      [10, 1290],
      [50, 990],
    ],
    tax: 'reduced',
    stock: 500,
  },
  {
    code: 'LIVRE-MANAGER',
    name: 'Manager au quotidien (livre)',
    category: 10,
    prices: [[1, 2290]],
    tax: 'reduced',
    status: 'PREVIEW',
    stock: 0,
  },
  // Packs (category 11): bundles sold at one price, whose parts are produced one by one
  {
    code: 'PACK-OFFICE',
    name: 'Pack Bureautique : Excel + Word',
    category: 11,
    prices: [
      [1, 39000],
      [5, 35000],
    ],
    tax: 'standard',
    type: 'bundle',
  },
  {
    code: 'PACK-OFFICE-EXCEL',
    name: 'Pack Bureautique — partie Excel',
    category: 11,
    prices: [[1, 0]],
    tax: 'standard',
    status: 'AVAILABLEINTERNAL',
    partOf: 'PACK-OFFICE',
    ...enrol('EXCEL-BASE', { endtime: '+180D' }),
  },
  {
    code: 'PACK-OFFICE-WORD',
    name: 'Pack Bureautique — partie Word',
    category: 11,
    prices: [[1, 0]],
    tax: 'standard',
    status: 'AVAILABLEINTERNAL',
    partOf: 'PACK-OFFICE',
    ...enrol('WORD-PRO', { endtime: '+180D' }),
  },
  {
    code: 'PACK-MANAGER',
    name: 'Pack Manager : équipe + prise de parole',
    category: 11,
    prices: [[1, 119000]],
    tax: 'standard',
    type: 'bundle',
  },
  {
    code: 'PACK-MANAGER-EQUIPE',
    name: 'Pack Manager — Manager une équipe',
    category: 11,
    prices: [[1, 0]],
    tax: 'standard',
    status: 'AVAILABLEINTERNAL',
    partOf: 'PACK-MANAGER',
    ...enrol('MANAGEMENT-EQUIPE', { duration: 120 }),
  },
  {
    code: 'PACK-MANAGER-PAROLE',
    name: 'Pack Manager — Prise de parole',
    category: 11,
    prices: [[1, 0]],
    tax: 'standard',
    status: 'AVAILABLEINTERNAL',
    partOf: 'PACK-MANAGER',
    ...enrol('PRISE-PAROLE', { endtime: '+90D' }),
  },
];

/** English overrides in the slave catalog: same code, translated, sometimes another price. */
export const ENGLISH_OVERRIDES: readonly { code: string; name: string; prices?: readonly (readonly [number, number])[] }[] = [
  { code: 'EXCEL-BASE', name: 'Excel: the fundamentals — 3-month access' },
  { code: 'EXCEL-AVANCE', name: 'Advanced Excel — 6-month access' },
  {
    code: 'ANGLAIS-B2',
    name: 'Business English B2 — 6 months',
    prices: [
      [1, 85000],
      [5, 79000],
    ],
  },
  {
    code: 'TOEIC-PREP',
    name: 'TOEIC® preparation — 2 months',
    prices: [
      [1, 32900],
      [10, 29900],
    ],
  },
  { code: 'AMF-PREP-3M', name: 'AMF certification exam preparation — 3 months', prices: [[1, 62000]] },
  { code: 'CYBER-SENSIB', name: 'Cybersecurity awareness' },
  { code: 'PYTHON-INIT', name: 'Introduction to Python — 4-month access' },
  { code: 'SESSION-ANGLAIS', name: 'Company session: Business English B2 (per seat)' },
  { code: 'LIVRE-EXCEL', name: 'Excel step by step (book)', prices: [[1, 3290]] },
  { code: 'SUPPORT-PREMIUM', name: 'Premium support — 1 year' },
];

/** Items only the slave catalog sells, in its own categories. */
export const ENGLISH_ONLY_ITEMS: readonly ItemSpec[] = [
  {
    code: 'CAMBRIDGE-B2-PREP',
    name: 'Cambridge B2 First preparation — 4 months',
    category: 13,
    prices: [
      [1, 69000],
      [5, 64000],
    ],
    tax: 'standard',
    ...enrol('ANGLAIS-B2', { endtime: '+120D' }),
  },
  {
    code: 'BUSINESS-WRITING',
    name: 'Business writing in English',
    category: 12,
    prices: [[1, 29000]],
    tax: 'standard',
    ...enrol('WORD-PRO', { duration: 90 }),
  },
];
