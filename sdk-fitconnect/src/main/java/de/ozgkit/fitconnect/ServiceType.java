package de.ozgkit.fitconnect;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The kind of administrative service ({@code serviceType} of a submission, {@code publicServiceType}
 * in metadata 1.x): a name and a URN, for a service of the Leistungskatalog
 * {@code urn:de:fim:leika:leistung:<key>}.
 *
 * @param name       the service's name
 * @param identifier the URN
 */
public record ServiceType(String name, String identifier) {

    private static final Pattern URN = Pattern.compile("^urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,.:=@;$_!*'%/?#-]+$");

    /** Checks the values against the schema's URN rule. */
    public ServiceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.length() < 7 || identifier.length() > 255 || !URN.matcher(identifier).matches()) {
            throw new InvalidSubmissionException("serviceType.identifier must be a URN such as"
                    + " urn:de:fim:leika:leistung:99108008252000 (7 to 255 characters, lower case)");
        }
    }

    /**
     * @param name     the service's name
     * @param leikaKey the Leistungsschlüssel, e.g. {@code 99108008252000}
     * @return the service type with the LeiKa URN
     */
    public static ServiceType leika(String name, String leikaKey) {
        return new ServiceType(name, "urn:de:fim:leika:leistung:" + leikaKey);
    }
}
