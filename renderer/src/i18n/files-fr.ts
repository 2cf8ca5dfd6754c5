import type { filesEn } from './files-en';

/** Messages français sur la destination des exports (boîtes d’enregistrement, téléchargements). */
export const filesFr = {
  'save.title.xlsx': 'Enregistrer le classeur',
  'save.title.pdf': 'Enregistrer les factures',
  'save.title.fec': 'Enregistrer le FEC',
  'save.title.json': 'Enregistrer les modifications non envoyées',
  'save.title.folder': 'Choisir le dossier des factures',
  'save.filter.xlsx': 'Classeur Excel',
  'save.filter.pdf': 'Document PDF',
  'save.filter.fec': 'Fichier texte FEC',
  'save.filter.json': 'Fichier JSON',
  'save.where.desktop': 'Vous choisissez où l’enregistrer en lançant l’export.',
  'save.where.download': 'Le fichier arrive comme un téléchargement de votre navigateur.',
  'save.where.downloadZip': 'Les factures arrivent en un seul fichier zip, téléchargé par votre navigateur.',
  'save.open': 'Ouvrir le fichier',
  'save.openFolder': 'Ouvrir le dossier',
  'save.show': 'Afficher dans le dossier',
  'save.downloaded': 'Téléchargé sous le nom {name}\u00a0: votre navigateur le range avec ses téléchargements.',
  'error.export_file_not_openable': 'Ce fichier ne peut pas être ouvert d’ici',
  'error.download_not_found': 'Ce téléchargement n’est plus disponible',
} as const satisfies Record<keyof typeof filesEn, string>;
