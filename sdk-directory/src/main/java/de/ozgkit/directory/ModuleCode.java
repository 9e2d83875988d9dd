package de.ozgkit.directory;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Codes of the text modules of a service description: XZuFi's LeiKa text module code list
 * ({@code urn:de:xzufi:codeliste:leistungstextmodulleika}, 02 to 25) and the modules the PVOG
 * adds for approval, source portal, processing time, deadlines and costs (93 to 98).
 *
 * <p>A service description may carry codes not listed here; {@link Leistung#module(String)}
 * reaches every module by its code as sent.
 */
public enum ModuleCode {
    /** 02 Leistungsbezeichnung: the catalogue name of the service. */
    SERVICE_TITLE("02"),
    /** 03 Leistungsname (Leistungsbezeichnung II): the citizen-facing name. */
    SERVICE_NAME("03"),
    /** 05 Kurztext: short text. */
    SHORT_TEXT("05"),
    /** 06 Volltext: the description. */
    DESCRIPTION("06"),
    /** 07 Rechtsgrundlage(n) (Handlungsgrundlagen): the legal basis. */
    LEGAL_BASIS("07"),
    /** 08 Erforderliche Unterlagen: the documents to bring. */
    DOCUMENTS("08"),
    /** 09 Voraussetzungen: the prerequisites. */
    PREREQUISITES("09"),
    /** 11 Verfahrensablauf: the procedure. */
    PROCEDURE("11"),
    /** 14 Formulare: forms. */
    FORMS("14"),
    /** 15 Weiterführende Informationen: further information. */
    FURTHER_INFORMATION("15"),
    /** 16 Hinweise (Besonderheiten): notes. */
    NOTES("16"),
    /** 18 Urheber: the author of the text. */
    AUTHOR("18"),
    /** 22 Zuständige Stelle: the responsible authority, as text. */
    RESPONSIBLE_AUTHORITY("22"),
    /** 23 Ansprechpunkt: the point of contact, as text. */
    POINT_OF_CONTACT("23"),
    /** 24 Teaser. */
    TEASER("24"),
    /** 25 Rechtsbehelf: legal remedy. */
    LEGAL_REMEDY("25"),
    /** 93 Fachlich freigegeben durch: who approved the text, with the approval date. */
    APPROVAL("93"),
    /** 94 Ursprungsportal: the portal the description comes from. */
    SOURCE_PORTAL("94"),
    /** 95 Bearbeitungsdauer: the processing time. */
    PROCESSING_TIME("95"),
    /** 97 Fristen: deadlines. */
    DEADLINES("97"),
    /** 98 Kosten: costs and fees. */
    COSTS("98");

    private static final List<String> KNOWN = Arrays.stream(values()).map(ModuleCode::code).toList();

    private final String code;

    ModuleCode(String code) {
        this.code = code;
    }

    /** @return the two-digit code as written on the wire */
    public String code() {
        return code;
    }

    /**
     * @param code a two-digit code
     * @return the module code
     * @throws UnknownCodeException if the code is not listed here
     */
    public static ModuleCode fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("XZuFi text module code", code, KNOWN));
    }

    /**
     * @param code a two-digit code, may be {@code null}
     * @return the module code, empty if the code is not listed here
     */
    public static Optional<ModuleCode> lookup(String code) {
        for (ModuleCode m : values()) {
            if (m.code.equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
