package de.ozgkit.account;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of an assertion, exactly as the identity provider sent it: values are never
 * trimmed or normalised (an address may hold U+1E9E, a name leading spaces).
 *
 * @param name         the attribute's {@code Name} as sent, e.g. {@code urn:oid:2.5.4.42}
 * @param oid          the OID form of the name ({@link ServicekontoAttribute#oidOf(String)})
 * @param friendlyName the {@code FriendlyName}, may be {@code null}
 * @param values       the attribute values in document order (may be empty)
 * @param trustLevel   the akdb {@code TrustLevel} of this attribute, may be {@code null} when the
 *                     identity provider sent none
 */
public record AssertedAttribute(String name, String oid, String friendlyName, List<String> values,
                                TrustLevel trustLevel) {

    /** Checks the components and copies the values. */
    public AssertedAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(oid, "oid");
        values = List.copyOf(values);
    }

    /** @return the first value; empty when the attribute has no value */
    public Optional<String> value() {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the trust level, empty when the identity provider sent none */
    public Optional<TrustLevel> level() {
        return Optional.ofNullable(trustLevel);
    }

    /**
     * @param required the minimum
     * @return whether this attribute carries a trust level of at least {@code required}
     */
    public boolean meets(TrustLevel required) {
        return trustLevel != null && trustLevel.isAtLeast(required);
    }

    /** @return the known Servicekonto attribute this is, if any */
    public Optional<ServicekontoAttribute> known() {
        return ServicekontoAttribute.lookup(oid);
    }

    /** A description without the values, which are personal data. */
    @Override
    public String toString() {
        return "AssertedAttribute[" + name + ", values=" + values.size() + ", trustLevel=" + trustLevel + "]";
    }
}
