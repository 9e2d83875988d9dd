package de.ozgkit.directory;

import de.ozgkit.core.id.Ags;
import de.ozgkit.core.id.Ars;
import java.util.Objects;

/**
 * A place found by name or postcode: its official regional key (ARS), municipality key (AGS) and
 * name, as the PVOG location search answers ({@code GET {base}/v3/locations?q=}).
 *
 * @param ars      the 12-digit regional key, the key every other look-up takes
 * @param ags      the 8-digit municipality key, may be {@code null} when the directory gives none
 * @param name     the place's name, e.g. {@code "Mainz"}
 * @param postcode a postcode of the place, may be {@code null}
 */
public record Location(Ars ars, Ags ags, String name, String postcode) {

    /** Checks the required components. */
    public Location {
        Objects.requireNonNull(ars, "ars");
        Objects.requireNonNull(name, "name");
    }
}
