/**
 * Test support: a real SMTP server on loopback ({@link de.ozgkit.testkit.mail.SmtpTestServer}),
 * built on GreenMail, with STARTTLS and mandatory authentication, for tests of mail delivery and
 * for the sandbox's invoice portal.
 *
 * <pre>{@code
 * try (SmtpTestServer smtp = SmtpTestServer.builder()
 *         .startTls(TestPki.create().server("127.0.0.1").sslContext())
 *         .user("sender", "secret")
 *         .start()) {
 *     // send to 127.0.0.1:smtp.port() with STARTTLS and AUTH, then
 *     smtp.awaitMails(1, Duration.ofSeconds(10));
 *     ReceivedMail mail = smtp.received().get(0);
 * }
 * }</pre>
 *
 * <p>Artifact {@code de.ozgkit:sdk-testkit-mail}, automatic module {@code de.ozgkit.testkit.mail}
 * (named in the jar's manifest): it has no module descriptor because GreenMail's jar has no module
 * name, and no published descriptor may require a module named only after its file.
 */
package de.ozgkit.testkit.mail;
