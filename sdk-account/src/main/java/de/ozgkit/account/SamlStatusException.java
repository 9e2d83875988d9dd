package de.ozgkit.account;

import java.util.List;
import java.util.Optional;

/**
 * The identity provider answered with a status other than Success, e.g. the citizen cancelled or
 * a required attribute is missing. Carries the top-level and second-level status codes, the status
 * message and the codes of the StatusDetail (BundID sends akdb codes such as
 * {@code IDP_REQUIRED_ATTRIBUTES_MISSING} there when the request asked for it with
 * {@code EnableStatusDetail}).
 *
 * <p>The response was signature-checked before this exception is thrown, so its contents come
 * from the trusted identity provider.
 */
public class SamlStatusException extends AccountException {
    private static final long serialVersionUID = 1L;

    private final String statusCode;
    private final List<String> subStatusCodes;
    private final String statusMessage;
    private final List<String> statusDetail;

    /**
     * @param statusCode     top-level status code URI, e.g. {@code urn:oasis:names:tc:SAML:2.0:status:Requester}
     * @param subStatusCodes nested status code URIs, outermost first
     * @param statusMessage  the StatusMessage, may be {@code null}
     * @param statusDetail   the texts of the StatusDetail's child elements, e.g. {@code IDP_REQUIRED_ATTRIBUTES_MISSING}
     */
    public SamlStatusException(String statusCode, List<String> subStatusCodes, String statusMessage,
                               List<String> statusDetail) {
        super("STATUS: the identity provider answered " + statusCode
                + (subStatusCodes.isEmpty() ? "" : " / " + String.join(" / ", subStatusCodes))
                + (statusDetail.isEmpty() ? "" : " with detail " + String.join(", ", statusDetail))
                + (statusMessage == null ? "" : " (\"" + statusMessage + "\")"));
        this.statusCode = statusCode;
        this.subStatusCodes = List.copyOf(subStatusCodes);
        this.statusMessage = statusMessage;
        this.statusDetail = List.copyOf(statusDetail);
    }

    /** @return the top-level status code URI */
    public String statusCode() {
        return statusCode;
    }

    /** @return nested status code URIs, outermost first; empty when there are none */
    public List<String> subStatusCodes() {
        return subStatusCodes;
    }

    /** @return the StatusMessage, if any */
    public Optional<String> statusMessage() {
        return Optional.ofNullable(statusMessage);
    }

    /** @return the codes of the StatusDetail in document order; empty when there is none */
    public List<String> statusDetail() {
        return statusDetail;
    }

    /**
     * @param code e.g. {@code "IDP_REQUIRED_ATTRIBUTES_MISSING"}
     * @return whether the StatusDetail carries this code
     */
    public boolean hasDetail(String code) {
        return statusDetail.contains(code);
    }
}
