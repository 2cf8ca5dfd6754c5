<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Chaînes françaises.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['billnotpaid'] = 'Seule une facture payée ou partiellement payée (SOLDOUT, COMPLETE, PARTIAL) peut recevoir un numéro de facture.';
$string['billnotpayable'] = 'Un paiement ne peut pas être enregistré sur une facture dans cet état.';
$string['catalognametaken'] = 'Un autre catalogue porte déjà ce nom : les noms de catalogue sont uniques dans la boutique.';
$string['catalognotempty'] = 'Ce catalogue n\'est pas vide : supprimez d\'abord ses catégories et ses produits, détachez ses catalogues esclaves et donnez un autre catalogue à ses boutiques.';
$string['categorynotempty'] = 'Cette catégorie n\'est pas vide : déplacez ou supprimez d\'abord ses produits et ses sous-catégories.';
$string['changedonsite'] = 'Modifié sur le site';
$string['codetaken'] = 'Un autre produit de ce catalogue a déjà ce code.';
$string['currencymismatch'] = 'La devise du paiement n\'est pas celle de la facture.';
$string['idnumbertaken'] = 'Une autre facture a déjà ce numéro.';
$string['invalidmastercatalog'] = 'Le catalogue maître n\'est pas valide : un esclave doit désigner un catalogue maître, et un maître qui a des esclaves doit rester maître.';
$string['invalidparent'] = 'La catégorie parente n\'est pas valide : elle doit appartenir au même catalogue, et n\'être ni la catégorie elle-même ni une de ses sous-catégories.';
$string['invalidpricetiers'] = 'Les paliers de prix ne sont pas valides : donnez de 1 à 5 paliers, des quantités strictement croissantes à partir de 1, des prix positifs ou nuls.';
$string['invalidrequireddata'] = 'Les données requises ne sont pas valides : elles doivent être un tableau JSON de descriptions de champs.';
$string['invalidsetid'] = 'L\'ensemble ou le lot n\'est pas valide : ce doit être un produit ensemble ou lot du même catalogue.';
$string['invalidemail'] = 'L\'adresse de courriel n\'est pas valide.';
$string['invalidtransition'] = 'Ce changement d\'état n\'est pas dans la table de contrôle de flux de la boutique.';
$string['itemnotinbill'] = 'Cette ligne n\'appartient pas à cette facture.';
$string['itemsold'] = 'Des factures font référence à ce produit : il ne peut pas être supprimé. Passez son état à ABANDONED.';
$string['mutationdays'] = 'Conserver les identifiants d\'écriture pendant (jours)';
$string['mutationdays_desc'] = 'Une écriture que le back-office répète après une coupure est reconnue à son identifiant et n\'est pas appliquée deux fois, tant que l\'identifiant est conservé. Au moins 30 jours.';
$string['paymentexceedsdue'] = 'Ce paiement porterait le montant payé au-delà du montant de la facture.';
$string['billnotrefundable'] = 'Seule une facture émise et payée (SOLDOUT ou COMPLETE) peut recevoir un avoir et un remboursement.';
$string['creditexceedsline'] = 'Une ligne serait créditée au-delà de ce qui reste à créditer, ou à contresens.';
$string['refundmismatch'] = 'Le remboursement doit être le total de l\'avoir, et ne peut dépasser ce qui a été payé moins ce qui a déjà été remboursé.';
$string['pluginname'] = 'Back-office de la boutique';
$string['privacy:metadata:local_shopbackoffice_creditnote'] = 'Les avoirs émis sur les factures, avec leurs remboursements.';
$string['privacy:metadata:local_shopbackoffice_creditnote:issuedat'] = 'La date d\'émission de l\'avoir.';
$string['privacy:metadata:local_shopbackoffice_creditnote:userid'] = 'L\'utilisateur qui a émis l\'avoir.';
$string['privacy:metadata:local_shopbackoffice_history'] = 'L\'historique des états des factures : qui a changé l\'état d\'une facture, quand, et sa note.';
$string['privacy:metadata:local_shopbackoffice_history:note'] = 'La note donnée avec le changement.';
$string['privacy:metadata:local_shopbackoffice_history:timecreated'] = 'La date du changement.';
$string['privacy:metadata:local_shopbackoffice_history:userid'] = 'L\'utilisateur qui a changé l\'état.';
$string['privacy:metadata:local_shopbackoffice_mutation'] = 'Les écritures faites par le back-office, conservées un temps pour qu\'une écriture répétée ne soit pas appliquée deux fois.';
$string['privacy:metadata:local_shopbackoffice_mutation:answer'] = 'La réponse donnée à l\'écriture.';
$string['privacy:metadata:local_shopbackoffice_mutation:timecreated'] = 'La date de l\'écriture.';
$string['privacy:metadata:local_shopbackoffice_mutation:userid'] = 'L\'utilisateur qui a fait l\'écriture.';
$string['privacy:metadata:local_shopbackoffice_payment'] = 'Les paiements enregistrés sur les factures.';
$string['privacy:metadata:local_shopbackoffice_payment:reference'] = 'Le numéro de chèque ou la référence du virement.';
$string['privacy:metadata:local_shopbackoffice_payment:timecreated'] = 'La date d\'enregistrement du paiement.';
$string['privacy:metadata:local_shopbackoffice_payment:userid'] = 'L\'utilisateur qui a enregistré le paiement.';
$string['scaninterval'] = 'Rechercher les modifications au plus toutes les (secondes)';
$string['scaninterval_desc'] = 'Les modifications faites sur le site (pages de la boutique, sa tâche planifiée, une modification de la base) sont trouvées en comparant chaque enregistrement à ce qui a été vu la dernière fois. Un appel de synchronisation parcourt son entité si le dernier parcours date de plus longtemps ; la tâche planifiée parcourt tout chaque minute. 0 : à chaque appel.';
$string['settling'] = 'Délai de stabilisation (secondes)';
$string['settling_desc'] = 'Les modifications plus récentes que ce délai ne sont pas encore servies, afin qu\'une modification dont la transaction est encore ouverte ne puisse jamais être dépassée par le curseur d\'un client. Augmentez-le si certaines transactions d\'écriture du site durent plus longtemps, ou si le site tourne sur plusieurs serveurs web dont les horloges diffèrent de plus d\'une seconde.';
$string['shopbackoffice:use'] = 'Utiliser les services web du back-office de la boutique';
$string['task:trackchanges'] = 'Trouver les modifications faites à la boutique hors du back-office';
$string['unknownhandler'] = 'Ce gestionnaire de produit n\'est pas installé sur le site.';
