package de.ozgkit.directory.internal;

import de.ozgkit.core.id.Ars;

/**
 * The hierarchy of regional keys: an ARS names the federation ({@code 000000000000}), a Land
 * (digits 3-12 zero), a Regierungsbezirk (4-12 zero), a Kreis (6-12 zero), a Gemeindeverband
 * (10-12 zero) or a Gemeinde. An area covers a place when the place's key starts with the area's
 * significant digits.
 */
final class Areas {

    private Areas() {
    }

    /**
     * @param area an area
     * @return how many leading digits are significant: 0, 2, 3, 5, 9 or 12
     */
    static int depth(Ars area) {
        String v = area.value();
        int[] levels = {0, 2, 3, 5, 9};
        for (int level : levels) {
            if (zeroFrom(v, level)) {
                return level;
            }
        }
        return 12;
    }

    /**
     * @param area  an area
     * @param place a place
     * @return whether the area covers the place
     */
    static boolean covers(Ars area, Ars place) {
        int depth = depth(area);
        return place.value().regionMatches(0, area.value(), 0, depth);
    }

    private static boolean zeroFrom(String v, int from) {
        for (int i = from; i < v.length(); i++) {
            if (v.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
