package de.ozgkit.account;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Authentication methods a BundID login may offer, as the akdb extension's {@code AuthnMethods}
 * names them (each as {@code <akdb:Name><akdb:Enabled>true</akdb:Enabled></akdb:Name>}).
 */
public enum AuthnMethod {
    /** Authega (Bavarian software certificate). */
    AUTHEGA("Authega"),
    /** User name and password (basic registration). */
    BENUTZERNAME("Benutzername"),
    /** Diia (Ukrainian identity app). */
    DIIA("Diia"),
    /** The online function of the German ID card. */
    EID("eID"),
    /** A notified eID of another EU member state. */
    EIDAS("eIDAS"),
    /** ELSTER certificate. */
    ELSTER("Elster"),
    /** FINK. */
    FINK("FINK");

    private final String code;

    AuthnMethod(String code) {
        this.code = code;
    }

    /** @return the element name in the akdb extension, e.g. {@code "eID"} */
    public String code() {
        return code;
    }

    /**
     * @param code the element name
     * @return the method, empty when unknown
     */
    public static Optional<AuthnMethod> lookup(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    /**
     * @param code the element name
     * @return the method
     * @throws UnknownCodeException when unknown
     */
    public static AuthnMethod fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("akdb AuthnMethod", code,
                Arrays.stream(values()).map(AuthnMethod::code).toList()));
    }
}
