package de.ozgkit.account.internal;

import de.ozgkit.account.IdentityProviderMetadata;
import de.ozgkit.account.SamlBinding;
import de.ozgkit.account.SamlMetadataException;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.internal.HttpPipeline;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** Reads identity provider metadata (SAML Metadata 2.4.3) through the hardened parser. */
public final class MetadataReader {

    /** The largest metadata document read: 4 MiB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private MetadataReader() {
    }

    /**
     * @param file a metadata file
     * @return its bytes
     */
    public static byte[] readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                throw new SamlMetadataException("metadata file " + file + " is larger than " + MAX_BYTES + " bytes", null);
            }
            return data;
        } catch (IOException e) {
            throw new SamlMetadataException("cannot read metadata file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param url    the metadata URL
     * @param config transport settings
     * @return the metadata bytes
     */
    public static byte[] fetch(URI url, OzgClientConfig config) {
        OzgClientConfig c = config.toBuilder().maxResponseBytes(MAX_BYTES).build();
        try (HttpPipeline pipeline = new HttpPipeline(c)) {
            HttpResponse r = pipeline.call(HttpRequest.builder("GET", url)
                    .header("Accept", "application/samlmetadata+xml, application/xml, text/xml").build()).response();
            return r.body();
        }
    }

    /**
     * @param xml      the metadata document
     * @param entityId the entity to pick from an aggregate, {@code null} when the document holds one IdP
     * @return the identity provider
     */
    public static IdentityProviderMetadata identityProvider(byte[] xml, String entityId) {
        Element root;
        try {
            root = SecureXml.parse(new ByteArrayInputStream(xml), XmlLimits.DEFAULT.withMaxBytes(MAX_BYTES))
                    .getDocumentElement();
        } catch (XmlParseException e) {
            throw new SamlMetadataException("identity provider metadata is not readable: " + e.getMessage(), e);
        }
        List<Element> candidates = new ArrayList<>();
        collect(root, candidates);
        List<Element> matching = candidates.stream()
                .filter(e -> entityId == null || entityId.equals(SamlDom.attr(e, "entityID"))).toList();
        if (matching.size() != 1) {
            throw new SamlMetadataException(matching.isEmpty()
                    ? "the metadata holds no identity provider" + (entityId == null ? "" : " with entityID " + entityId)
                    + " (an md:EntityDescriptor with an md:IDPSSODescriptor)"
                    : "the metadata holds " + matching.size() + " identity providers; name the one to use", null);
        }
        Element entity = matching.get(0);
        Element idp = SamlDom.children(entity, SamlDom.MD, "IDPSSODescriptor").get(0);
        List<X509Certificate> signing = new ArrayList<>();
        for (Element kd : SamlDom.children(idp, SamlDom.MD, "KeyDescriptor")) {
            String use = SamlDom.attr(kd, "use");
            if (use == null || use.equals("signing")) {
                signing.addAll(certificates(kd));
            }
        }
        Map<SamlBinding, URI> sso = new EnumMap<>(SamlBinding.class);
        for (Element s : SamlDom.children(idp, SamlDom.MD, "SingleSignOnService")) {
            SamlBinding.lookup(SamlDom.attr(s, "Binding")).ifPresent(b -> {
                String location = SamlDom.attr(s, "Location");
                if (location != null && !sso.containsKey(b)) {
                    try {
                        sso.put(b, new URI(location.strip()));
                    } catch (java.net.URISyntaxException e) {
                        throw new SamlMetadataException("the identity provider's SingleSignOnService Location is not a"
                                + " URI: " + e.getReason(), e);
                    }
                }
            });
        }
        String id = SamlDom.attr(entity, "entityID");
        if (id == null || id.isBlank()) {
            throw new SamlMetadataException("the identity provider's EntityDescriptor has no entityID", null);
        }
        return new IdentityProviderMetadata(id, signing, sso, "true".equals(SamlDom.attr(idp, "WantAuthnRequestsSigned")));
    }

    private static void collect(Element e, List<Element> out) {
        if (SamlDom.is(e, SamlDom.MD, "EntityDescriptor")) {
            if (!SamlDom.children(e, SamlDom.MD, "IDPSSODescriptor").isEmpty()) {
                out.add(e);
            }
        } else if (SamlDom.is(e, SamlDom.MD, "EntitiesDescriptor")) {
            for (Element c : SamlDom.children(e)) {
                collect(c, out);
            }
        }
    }

    private static List<X509Certificate> certificates(Element keyDescriptor) {
        List<X509Certificate> out = new ArrayList<>();
        for (Element ki : SamlDom.children(keyDescriptor, SamlDom.DS, "KeyInfo")) {
            for (Element data : SamlDom.children(ki, SamlDom.DS, "X509Data")) {
                for (Element c : SamlDom.children(data, SamlDom.DS, "X509Certificate")) {
                    out.add(certificate(c.getTextContent()));
                }
            }
        }
        return out;
    }

    /**
     * @param base64 the base64 DER of a certificate, white space allowed
     * @return the certificate
     */
    public static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SamlMetadataException("a ds:X509Certificate in the metadata is not a certificate: " + e.getMessage(), e);
        }
    }
}
