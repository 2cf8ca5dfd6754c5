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

namespace local_shopbackoffice\local;

/**
 * The rules of a credit note (facture d'avoir) that need no Moodle, so that a plain PHPUnit checks them: its
 * number, what each line credits and the tax of it, and whether the bill is then credited in full.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class credit_note {
    /** @var string[] how a refund may be made */
    public const PAYMODES = ['check', 'transfer', 'card', 'paypal'];

    /**
     * The number of the credit note at this place of the site's one sequence: AV-2026-000042.
     *
     * @param int $sequence from 1
     * @param int $time when it is issued
     * @return string
     */
    public static function number(int $sequence, int $time): string {
        return 'AV-' . gmdate('Y', $time) . '-' . str_pad((string) $sequence, 6, '0', STR_PAD_LEFT);
    }

    /**
     * What is left to credit on each line of a bill, after the credit notes already issued.
     *
     * @param array $items billitemid => ['total' => cents, 'tax' => cents, 'ratio' => basis points]
     * @param array $credited lines of earlier credit notes: each ['billitemid', 'totalcents', 'taxcents']
     * @return array billitemid => ['total', 'tax', 'ratio']
     */
    public static function left(array $items, array $credited): array {
        foreach ($credited as $line) {
            $id = (int) $line['billitemid'];
            if (isset($items[$id])) {
                $items[$id]['total'] -= (int) $line['totalcents'];
                $items[$id]['tax'] -= (int) $line['taxcents'];
            }
        }
        return $items;
    }

    /**
     * The lines of a new credit note with their tax: the line's rate on the amount credited, half away from zero,
     * except a line credited up to what is left on it, which gets the rest of its tax (a credit note of the
     * whole bill cancels its VAT to the cent). Updates $left.
     *
     * @param array $left as left() returns it; updated
     * @param array $asked each ['billitemid', 'quantity', 'totalcents']
     * @return array each ['billitemid', 'quantity', 'totalcents', 'taxratio', 'taxcents']
     * @throws \DomainException whose message is the refusal's code (itemnotinbill, creditexceedsline)
     */
    public static function lines(array &$left, array $asked): array {
        $lines = [];
        foreach ($asked as $line) {
            $id = (int) $line['billitemid'];
            $total = (int) $line['totalcents'];
            if (!isset($left[$id])) {
                throw new \DomainException('itemnotinbill');
            }
            $rest = $left[$id];
            $against = $total === 0 || ($total > 0) !== ($rest['total'] > 0);
            if ($against || abs($total) > abs($rest['total'])) {
                throw new \DomainException('creditexceedsline');
            }
            $tax = $total === $rest['total'] ? $rest['tax'] : money::percent_of($total, (int) $rest['ratio']);
            $left[$id]['total'] -= $total;
            $left[$id]['tax'] -= $tax;
            $lines[] = ['billitemid' => $id, 'quantity' => (int) $line['quantity'], 'totalcents' => $total,
                'taxratio' => (int) $rest['ratio'], 'taxcents' => $tax];
        }
        return $lines;
    }

    /**
     * Whether nothing is left to credit on any line: the bill is then cancelled.
     *
     * @param array $left as left() returns it
     * @return bool
     */
    public static function settled(array $left): bool {
        foreach ($left as $rest) {
            if ($rest['total'] !== 0 || $rest['tax'] !== 0) {
                return false;
            }
        }
        return true;
    }
}
