package de.ozgkit.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * A hyperlink as the directory gives it: a title and an address (XZuFi {@code HyperlinkErweitert}).
 * The address is kept as text exactly as the service sent it; {@link #toUri()} parses it.
 *
 * @param title the title, may be {@code null}
 * @param uri   the address as text, never {@code null}
 */
public record Link(String title, String uri) {

    /** Checks the address. */
    public Link {
        Objects.requireNonNull(uri, "uri");
    }

    /** @return the address as a URI, empty when the text is not a valid URI */
    public Optional<URI> toUri() {
        try {
            return Optional.of(new URI(uri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
