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

namespace local_shopbackoffice\external;

use core_external\external_api;
use core_external\external_function_parameters;
use core_external\external_single_structure;
use core_external\external_value;
use local_shopbackoffice\local\cursor;
use local_shopbackoffice\local\sync_reader;

/**
 * local_shopbackoffice_get_site: which site a client talks to (so a cache knows the site it belongs to), and
 * the shop settings the back-office needs.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class get_site extends external_api {
    /** @var array seller field => local_shop setting */
    private const SELLER = ['name' => 'sellername', 'address' => 'selleraddress', 'zip' => 'sellerzip', 'city' => 'sellercity',
        'country' => 'sellercountry', 'email' => 'sellermail', 'supportemail' => 'sellermailsupport',
        'supportphone' => 'sellerphonesupport', 'registration' => 'sellerID', 'vatnumber' => 'tvaeurope',
        'billingaddress' => 'sellerbillingaddress', 'billingzip' => 'sellerbillingzip', 'billingcity' => 'sellerbillingcity',
        'billingcountry' => 'sellerbillingcountry'];

    /**
     * Parameters: none.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([]);
    }

    /**
     * The site.
     *
     * @return array
     */
    public static function execute(): array {
        global $CFG, $SITE;
        $context = \context_system::instance();
        self::validate_context($context);
        require_capability('local/shopbackoffice:use', $context);
        $shop = get_config('local_shop');
        $seller = [];
        foreach (self::SELLER as $key => $setting) {
            $seller[$key] = (string) ($shop->$setting ?? '');
        }
        $plugin = \core_plugin_manager::instance()->get_plugin_info('local_shopbackoffice');
        return [
            'siteidentifier' => get_site_identifier(),
            'wwwroot' => $CFG->wwwroot,
            'sitename' => format_string($SITE->fullname, true, ['context' => $context]),
            'moodlerelease' => (string) $CFG->release,
            'pluginversion' => (int) get_config('local_shopbackoffice', 'version'),
            'pluginrelease' => (string) ($plugin->release ?? ''),
            'shopversion' => (int) get_config('local_shop', 'version'),
            'settling' => sync_reader::settling(),
            'maxpage' => cursor::MAX_PAGE,
            'servertime' => time(),
            'defaultcurrency' => (string) ($shop->defaultcurrency ?? ''),
            'seller' => $seller,
        ];
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        $seller = [];
        foreach (array_keys(self::SELLER) as $key) {
            $seller[$key] = new external_value(PARAM_TEXT, "Seller {$key} ('' when not set)");
        }
        return new external_single_structure([
            'siteidentifier' => new external_value(PARAM_TEXT, "Moodle's site identifier"),
            'wwwroot' => new external_value(PARAM_RAW, "The site's address"),
            'sitename' => new external_value(PARAM_TEXT, "The site's full name"),
            'moodlerelease' => new external_value(PARAM_TEXT, "Moodle's release"),
            'pluginversion' => new external_value(PARAM_INT, "local_shopbackoffice's version"),
            'pluginrelease' => new external_value(PARAM_TEXT, 'Its release name'),
            'shopversion' => new external_value(PARAM_INT, "local_shop's version"),
            'settling' => new external_value(PARAM_INT, 'The settling window in seconds'),
            'maxpage' => new external_value(PARAM_INT, 'The largest limit a sync call accepts'),
            'servertime' => new external_value(PARAM_INT, "The server's clock"),
            'defaultcurrency' => new external_value(PARAM_TEXT, "local_shop's default currency"),
            'seller' => new external_single_structure($seller, "The seller identity of local_shop's settings"),
        ]);
    }
}
