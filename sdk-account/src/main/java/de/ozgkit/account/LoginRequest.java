package de.ozgkit.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a login asks the Servicekonto / BundID for: the attributes (each required or not), the
 * minimum level of assurance, the offered authentication methods and the display information the
 * login page shows. {@link ServiceProvider} turns it into a signed AuthnRequest with the akdb
 * extension ({@code akdb:AuthenticationRequest} Version 2).
 *
 * <pre>{@code
 * LoginRequest login = LoginRequest.builder()
 *         .organizationDisplayName("Stadt Musterstadt")
 *         .onlineServiceId("anwohnerparken")
 *         .requestAttribute(ServicekontoAttribute.BPK2, true)
 *         .requestAttribute(ServicekontoAttribute.POSTKORB_HANDLE, true)
 *         .requestAttribute(ServicekontoAttribute.POSTAL_ADDRESS, false)
 *         .minimumLevel(TrustLevel.SUBSTANTIELL)
 *         .build();
 * }</pre>
 *
 * @param requestedAttributes     attribute names ({@code urn:oid:...}) to whether each is required, in order
 * @param minimumLevel            the minimum level of assurance ({@code RequestedAuthnContext Comparison="minimum"}),
 *                                may be {@code null} for none
 * @param authnMethods            methods to enable in {@code akdb:AuthnMethods}; empty leaves the choice to the IdP
 * @param organizationDisplayName {@code classic-ui:OrganizationDisplayName}, the authority's name on the login page
 * @param onlineServiceId         {@code classic-ui:OnlineServiceId}, the online service's id
 * @param enableStatusDetail      whether to ask for akdb codes in the StatusDetail of error answers
 * @param forceAuthn              whether the citizen must authenticate anew
 * @param relayState              the RelayState to send along, may be {@code null}; at most 80 bytes
 */
public record LoginRequest(Map<String, Boolean> requestedAttributes, TrustLevel minimumLevel,
                           Set<AuthnMethod> authnMethods, String organizationDisplayName, String onlineServiceId,
                           boolean enableStatusDetail, boolean forceAuthn, String relayState) {

    /** Checks the fields; the akdb extension needs display name and online service id. */
    public LoginRequest {
        requestedAttributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requestedAttributes));
        authnMethods = authnMethods.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(authnMethods));
        text("organizationDisplayName", organizationDisplayName);
        text("onlineServiceId", onlineServiceId);
        if (relayState != null && relayState.getBytes(StandardCharsets.UTF_8).length > 80) {
            throw new AccountConfigurationException("relayState must be at most 80 bytes (SAML Bindings 3.4.3), was "
                    + relayState.getBytes(StandardCharsets.UTF_8).length);
        }
        for (String name : requestedAttributes.keySet()) {
            if (name.isBlank()) {
                throw new AccountConfigurationException("requested attribute names must not be blank");
            }
            printable("requested attribute name", name);
        }
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new AccountConfigurationException(field + " is required by the akdb extension (DisplayInformation)");
        }
        printable(field, value);
    }

    private static void printable(String field, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0xFFFE || c == 0xFFFF)) {
            throw new AccountConfigurationException(field + " must not contain control characters");
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LoginRequest}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Boolean> attributes = new LinkedHashMap<>();
        private TrustLevel minimumLevel;
        private final List<AuthnMethod> methods = new ArrayList<>();
        private String organizationDisplayName;
        private String onlineServiceId;
        private boolean enableStatusDetail = true;
        private boolean forceAuthn;
        private String relayState;

        private Builder() {
        }

        /**
         * @param attribute the attribute
         * @param required  whether the login fails without it ({@code RequiredAttribute})
         * @return this builder
         */
        public Builder requestAttribute(ServicekontoAttribute attribute, boolean required) {
            attributes.put(attribute.urn(), required);
            return this;
        }

        /**
         * @param name     the attribute name as the IdP expects it, e.g. {@code urn:oid:2.5.4.42}
         * @param required whether the login fails without it
         * @return this builder
         */
        public Builder requestAttribute(String name, boolean required) {
            attributes.put(Objects.requireNonNull(name, "name"), required);
            return this;
        }

        /**
         * @param level the minimum level of assurance, {@code null} for none
         * @return this builder
         */
        public Builder minimumLevel(TrustLevel level) {
            this.minimumLevel = level;
            return this;
        }

        /**
         * @param enabled the methods to enable; none leaves the choice to the identity provider
         * @return this builder
         */
        public Builder authnMethods(AuthnMethod... enabled) {
            methods.clear();
            methods.addAll(List.of(enabled));
            return this;
        }

        /**
         * @param name the authority's name as the login page shows it
         * @return this builder
         */
        public Builder organizationDisplayName(String name) {
            this.organizationDisplayName = name;
            return this;
        }

        /**
         * @param id the online service's id
         * @return this builder
         */
        public Builder onlineServiceId(String id) {
            this.onlineServiceId = id;
            return this;
        }

        /**
         * @param enable whether to ask for akdb codes in the StatusDetail (default {@code true})
         * @return this builder
         */
        public Builder enableStatusDetail(boolean enable) {
            this.enableStatusDetail = enable;
            return this;
        }

        /**
         * @param force whether the citizen must authenticate anew
         * @return this builder
         */
        public Builder forceAuthn(boolean force) {
            this.forceAuthn = force;
            return this;
        }

        /**
         * @param relayState opaque state (at most 80 bytes) the identity provider sends back
         * @return this builder
         */
        public Builder relayState(String relayState) {
            this.relayState = relayState;
            return this;
        }

        /**
         * @return the request
         * @throws AccountConfigurationException when display name or online service id is missing or a field is malformed
         */
        public LoginRequest build() {
            return new LoginRequest(attributes, minimumLevel, methods.isEmpty() ? Set.of() : EnumSet.copyOf(methods),
                    organizationDisplayName, onlineServiceId, enableStatusDetail, forceAuthn, relayState);
        }
    }
}
