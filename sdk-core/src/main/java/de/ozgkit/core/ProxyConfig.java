package de.ozgkit.core;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy (HTTPS requests are tunnelled with CONNECT), optionally with Basic credentials.
 *
 * @param host     proxy host
 * @param port     proxy port
 * @param username user name for proxy authentication, {@code null} for none
 * @param password password for proxy authentication, {@code null} for none
 */
public record ProxyConfig(String host, int port, String username, String password) {

    /** Checks the values. */
    public ProxyConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw OzgClientException.configuration("proxy host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw OzgClientException.configuration("proxy port must be between 1 and 65535, was " + port);
        }
        if ((username == null) != (password == null)) {
            throw OzgClientException.configuration("proxy user name and password must be given together");
        }
    }

    /**
     * @param host proxy host
     * @param port proxy port
     * @return a proxy without authentication
     */
    public static ProxyConfig of(String host, int port) {
        return new ProxyConfig(host, port, null, null);
    }

    /** @return the proxy user name, if the proxy needs authentication */
    public Optional<String> user() {
        return Optional.ofNullable(username);
    }

    @Override
    public String toString() {
        return "ProxyConfig[" + host + ":" + port + (username == null ? "" : ", username=" + username + ", password=<redacted>") + "]";
    }
}
