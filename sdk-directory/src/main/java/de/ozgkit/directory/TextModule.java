package de.ozgkit.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One text module of a service description (XZuFi {@code modulText} and the PVOG's modules for
 * processing time, deadlines and costs): its code, title, text (often HTML as the editors wrote
 * it), links, a date (the approval date of module 93) and structured entries (for example one per
 * fee of module 98).
 *
 * @param code    the module code as sent, e.g. {@code "06"}; see {@link ModuleCode}
 * @param title   the module's title, may be {@code null}
 * @param text    the module's text as sent (may contain HTML), may be {@code null}
 * @param links   the module's links
 * @param date    the module's date, may be {@code null}
 * @param entries structured entries, e.g. single fees or deadlines
 */
public record TextModule(String code, String title, String text, List<Link> links, LocalDate date,
                         List<Entry> entries) {

    /** Checks and copies. */
    public TextModule {
        Objects.requireNonNull(code, "code");
        links = List.copyOf(links);
        entries = List.copyOf(entries);
    }

    /** @return the module code, empty when the code is not one ozgkit lists in {@link ModuleCode} */
    public Optional<ModuleCode> moduleCode() {
        return ModuleCode.lookup(code);
    }

    /**
     * A structured entry of a module, e.g. one fee with its title and text.
     *
     * @param title the title, may be {@code null}
     * @param text  the text, may be {@code null}
     */
    public record Entry(String title, String text) {
    }
}
