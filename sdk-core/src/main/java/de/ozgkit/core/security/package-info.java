/**
 * Key material and certificates: loading PKCS#12 and PEM (private keys, certificates, chains, CRLs)
 * with typed, actionable errors ({@link de.ozgkit.core.security.KeyMaterial},
 * {@link de.ozgkit.core.security.KeyMaterialException}), and X.509 certification path validation
 * against given trust anchors with validity at a chosen instant, key usage, extended key usage and
 * CRL revocation checks ({@link de.ozgkit.core.security.CertificateValidator},
 * {@link de.ozgkit.core.security.CertificateValidationException}).
 *
 * <pre>{@code
 * Identity client = KeyMaterial.pkcs12(Path.of("client.p12"), password);
 * TlsConfig tls = TlsConfig.builder().clientIdentity(client)
 *         .trustCertificates(KeyMaterial.certificates(Path.of("provider-ca.pem"))).build();
 *
 * CertificateValidator validator = CertificateValidator.builder()
 *         .trustAnchors(KeyMaterial.certificates(Path.of("root-ca.pem")))
 *         .requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE)
 *         .crls(KeyMaterial.crl(Files.readAllBytes(Path.of("intermediate.crl"))))
 *         .build();
 * try {
 *     validator.validate(signerChain, signingTime);
 * } catch (CertificateValidationException e) {
 *     switch (e.reason()) { case REVOKED: ...; case EXPIRED: ...; default: ... }
 * }
 * }</pre>
 *
 * <p>Bouncy Castle is used where the JDK has no support (PEM parsing, encrypted PEM keys, curves
 * the JDK lacks); its provider is passed explicitly and never registered globally.
 */
package de.ozgkit.core.security;
