package de.ozgkit.account.internal;

import de.ozgkit.account.AccountConfigurationException;
import de.ozgkit.account.AuthnRequestMessage;
import de.ozgkit.account.LoginRequest;
import de.ozgkit.account.ResponseExpectation;
import de.ozgkit.account.SamlBinding;
import de.ozgkit.account.SamlCheck;
import de.ozgkit.account.SamlMetadataException;
import de.ozgkit.account.SamlValidationException;
import de.ozgkit.account.ServiceProvider;
import de.ozgkit.account.ServicekontoIdentity;
import java.net.URI;
import java.util.Base64;
import java.util.Objects;

/** The {@link ServiceProvider}: request writing, metadata and response checks. Thread-safe. */
public final class DefaultServiceProvider implements ServiceProvider {

    private final SpSettings settings;
    private final AuthnRequestWriter writer;
    private final ResponseValidator validator;

    /**
     * @param settings the settings the builder collected
     */
    public DefaultServiceProvider(SpSettings settings) {
        this.settings = settings;
        this.writer = new AuthnRequestWriter(settings);
        this.validator = new ResponseValidator(settings);
    }

    @Override
    public String entityId() {
        return settings.entityId();
    }

    @Override
    public URI assertionConsumerService() {
        return settings.acs();
    }

    @Override
    public AuthnRequestMessage createRequest(LoginRequest login, SamlBinding binding) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(binding, "binding");
        URI destination = settings.idp().singleSignOnService(binding).orElseThrow(() -> new SamlMetadataException(
                "identity provider " + settings.idp().entityId() + " has no single sign-on endpoint for "
                        + binding.uri(), null));
        if (settings.signingIdentity() == null && settings.idp().wantAuthnRequestsSigned()) {
            throw new AccountConfigurationException("identity provider " + settings.idp().entityId()
                    + " wants signed requests; set ServiceProvider.builder().signingIdentity(...)");
        }
        return writer.write(login, binding, destination, settings.signingIdentity() != null);
    }

    @Override
    public String metadata() {
        return MetadataWriter.serviceProvider(settings);
    }

    @Override
    public ServicekontoIdentity acceptResponse(String samlResponse, ResponseExpectation expectation) {
        Objects.requireNonNull(samlResponse, "samlResponse");
        // base64 grows by 4/3 (plus line breaks); refuse before decoding what could never fit the limit
        long max = (settings.limits().maxBytes() + 2) / 3 * 4 * 78 / 76 + 16;
        if (samlResponse.length() > max) {
            throw new SamlValidationException(SamlCheck.XML, "the SAMLResponse field holds " + samlResponse.length()
                    + " characters, more than a response within the limit of " + settings.limits().maxBytes()
                    + " bytes can have");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(samlResponse);
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(SamlCheck.XML, "the SAMLResponse field is not base64: " + e.getMessage(), e);
        }
        return validator.validate(xml, expectation, false);
    }

    @Override
    public ServicekontoIdentity acceptDocument(byte[] xml, ResponseExpectation expectation) {
        Objects.requireNonNull(xml, "xml");
        return validator.validate(xml, expectation, true);
    }
}
