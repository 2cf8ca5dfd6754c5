/**
 * The words of what the Moodle site answered (main/moodle/interpret-response.ts, moodle-error.ts,
 * main/shop-api/shop-client.ts); see texts-bills.ts for the conventions. Function names, Moodle error codes,
 * the site's own message and its debugging information are values: they stay as the site wrote them, in its
 * language, inside a sentence in the reader's. Moodle's menus are named as Moodle names them in that
 * language, as the window's own hints do (profileForm.tokenHint).
 */
export const MOODLE_TEXTS = {
  'moodle.wsDisabled': {
    en: 'Web services are disabled on {host}. The site administrator must enable web services and the REST protocol (Site administration › Server › Web services › Overview).',
    fr: 'Les services web sont désactivés sur {host}. L’administrateur du site doit activer les services web et le protocole REST (Administration du site › Serveur › Services web › Vue d’ensemble).',
  },
  'moodle.redirectedTo': {
    en: "The site redirected the request to {location}. Use the site's final address (for example https:// instead of http://) in Settings.",
    fr: 'Le site a redirigé la requête vers {location}. Indiquez l’adresse finale du site (par exemple https:// au lieu de http://) dans les Paramètres.',
  },
  'moodle.redirected': {
    en: "The site redirected the request. Use the site's final address (for example https:// instead of http://) in Settings.",
    fr: 'Le site a redirigé la requête. Indiquez l’adresse finale du site (par exemple https:// au lieu de http://) dans les Paramètres.',
  },
  'moodle.serverFailed': {
    en: "The site failed while answering {function} (HTTP {status}). Try again later; if it persists, ask the site administrator to check the server's error log.",
    fr: 'Le site a échoué en répondant à {function} (HTTP {status}). Réessayez plus tard\u202f; si cela persiste, demandez à l’administrateur du site de consulter le journal d’erreurs du serveur.',
  },
  'moodle.httpStatus': {
    en: 'The site answered {function} with HTTP {status}. Check the site address in Settings.',
    fr: 'Le site a répondu à {function} par HTTP {status}. Vérifiez l’adresse du site dans les Paramètres.',
  },
  'moodle.webPage': {
    en: "The site answered {function} with a web page instead of data (a PHP error, a maintenance page or a login page). Check the site address and ask the site administrator to look at the server's error log.",
    fr: 'Le site a répondu à {function} par une page web au lieu de données (une erreur PHP, une page de maintenance ou de connexion). Vérifiez l’adresse du site et demandez à l’administrateur du site de consulter le journal d’erreurs du serveur.',
  },
  'moodle.cutOff': {
    en: "The site's answer to {function} was cut off or is not valid JSON. Try again; if it persists, ask the site administrator to check the server.",
    fr: 'La réponse du site à {function} est tronquée ou n’est pas du JSON valide. Réessayez\u202f; si cela persiste, demandez à l’administrateur du site de vérifier le serveur.',
  },
  'moodle.invalidToken': {
    en: 'The site refused the web service token: it is unknown, expired or restricted to other IP addresses. Create a new token in Moodle (Site administration › Server › Web services › Manage tokens) and enter it in Settings.',
    fr: 'Le site a refusé le jeton de service web\u00a0: il est inconnu, expiré ou réservé à d’autres adresses IP. Créez un nouveau jeton dans Moodle (Administration du site › Serveur › Services web › Gérer les jetons) et saisissez-le dans les Paramètres.',
  },
  'moodle.notInService': {
    en: "The site refused {function}: the function is installed but not in the token's web service (or the token's user lacks the capability webservice/rest:use). The site administrator must add {function} to the service (Site administration › Server › Web services › External services).",
    fr: 'Le site a refusé {function}\u00a0: la fonction est installée mais ne fait pas partie du service web du jeton (ou l’utilisateur du jeton n’a pas la capacité webservice/rest:use). L’administrateur du site doit ajouter {function} au service (Administration du site › Serveur › Services web › Services externes).',
  },
  'moodle.notInShopService': {
    en: 'The site refused {function}: the function is installed but not in the token\'s web service (or the token\'s user lacks the capability webservice/rest:use). The site administrator must add {function} to the service (Site administration › Server › Web services › External services). The plugin {plugin} declares a ready-made service, "{service}", holding every function the back-office needs: a token made on it has them all.',
    fr: 'Le site a refusé {function}\u00a0: la fonction est installée mais ne fait pas partie du service web du jeton (ou l’utilisateur du jeton n’a pas la capacité webservice/rest:use). L’administrateur du site doit ajouter {function} au service (Administration du site › Serveur › Services web › Services externes). Le plugin {plugin} déclare un service tout prêt, «\u00a0{service}\u00a0», qui contient toutes les fonctions dont le back-office a besoin\u00a0: un jeton créé sur ce service les a toutes.',
  },
  'moodle.pluginMissing': {
    en: "The site has no function {function}: the plugin {plugin} is not installed on the site, or is older than this back-office. The site administrator must install or upgrade it (see the site administrators' guide, {guide}).",
    fr: 'Le site n’a pas de fonction {function}\u00a0: le plugin {plugin} n’est pas installé sur le site, ou il est plus ancien que ce back-office. L’administrateur du site doit l’installer ou le mettre à jour (voir le guide des administrateurs de site, {guide}).',
  },
  'moodle.tooOld': {
    en: 'The site has no function {function}: this Moodle is too old or lacks a standard component. The back-office needs Moodle 4.5 or later.',
    fr: 'Le site n’a pas de fonction {function}\u00a0: ce Moodle est trop ancien ou il lui manque un composant standard. Le back-office a besoin de Moodle 4.5 ou plus récent.',
  },
  'moodle.accessDenied': {
    en: "The token's user is not allowed to do this: {function} answered {errorcode}. Ask the site administrator to give that user the needed capability.",
    fr: 'L’utilisateur du jeton n’a pas le droit de faire cela\u00a0: {function} a répondu {errorcode}. Demandez à l’administrateur du site de donner à cet utilisateur la capacité nécessaire.',
  },
  'moodle.accessDeniedShop': {
    en: "The token's user is not allowed to do this: {function} answered {errorcode}. Ask the site administrator to give that user the needed capability ({capability} for the shop's functions).",
    fr: 'L’utilisateur du jeton n’a pas le droit de faire cela\u00a0: {function} a répondu {errorcode}. Demandez à l’administrateur du site de donner à cet utilisateur la capacité nécessaire ({capability} pour les fonctions de la boutique).',
  },
  'moodle.accessDeniedOrNoCourse': {
    en: "The token's user is not allowed to do this (or the course does not exist on the site): {function} answered {errorcode}. Ask the site administrator to give that user the needed capability.",
    fr: 'L’utilisateur du jeton n’a pas le droit de faire cela (ou le cours n’existe pas sur le site)\u00a0: {function} a répondu {errorcode}. Demandez à l’administrateur du site de donner à cet utilisateur la capacité nécessaire.',
  },
  'moodle.accessDeniedOrNoCourseShop': {
    en: "The token's user is not allowed to do this (or the course does not exist on the site): {function} answered {errorcode}. Ask the site administrator to give that user the needed capability ({capability} for the shop's functions).",
    fr: 'L’utilisateur du jeton n’a pas le droit de faire cela (ou le cours n’existe pas sur le site)\u00a0: {function} a répondu {errorcode}. Demandez à l’administrateur du site de donner à cet utilisateur la capacité nécessaire ({capability} pour les fonctions de la boutique).',
  },
  // An exception the back-office has no words of its own for (a shop refusal such as billnotrefundable, most
  // of Moodle's): the site's message is the only explanation, so it is quoted, in the site's language.
  'moodle.exception': {
    en: 'Moodle answered {function} with an error: {errorcode}.',
    fr: 'Moodle a répondu à {function} par une erreur\u00a0: {errorcode}.',
  },
  'moodle.exceptionDebug': {
    en: 'Moodle answered {function} with an error: {errorcode} ({debuginfo}).',
    fr: 'Moodle a répondu à {function} par une erreur\u00a0: {errorcode} ({debuginfo}).',
  },
  'moodle.exceptionSays': {
    en: 'Moodle answered {function} with an error: {errorcode}. The site says: “{said}”',
    fr: 'Moodle a répondu à {function} par une erreur\u00a0: {errorcode}. Le site dit\u00a0: «\u00a0{said}\u00a0»',
  },
  'moodle.exceptionDebugSays': {
    en: 'Moodle answered {function} with an error: {errorcode} ({debuginfo}). The site says: “{said}”',
    fr: 'Moodle a répondu à {function} par une erreur\u00a0: {errorcode} ({debuginfo}). Le site dit\u00a0: «\u00a0{said}\u00a0»',
  },
  'shop.unexpectedAnswer': {
    en: "The shop's answer to {function} does not match the shop API the back-office expects ({issues}). The site's local_shop plugin may be of another version.",
    fr: 'La réponse de la boutique à {function} ne correspond pas à l’API de boutique qu’attend le back-office ({issues}). Le plugin local_shop du site est peut-être d’une autre version.',
  },
} as const;
