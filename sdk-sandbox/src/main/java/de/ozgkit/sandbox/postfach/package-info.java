/**
 * The sandbox citizen mailbox (Postfach): verifies the signed envelope, author token and author
 * certificate, stores messages and their attachments, moves their status and shows the inbox. The
 * logic lives in {@link de.ozgkit.sandbox.postfach.PostfachEngine}, free of HTTP.
 *
 * <pre>{@code
 * PostfachSimulator mailbox = PostfachSimulator.trusting(authorCa);
 * try (Sandbox sandbox = Sandbox.builder().tls(true).service(mailbox).start()) {
 *     // send with PostfachClient over mutual TLS, then look:
 *     List<MailboxMessage> inbox = mailbox.engine().messages(postkorbHandle);
 * }
 * }</pre>
 */
package de.ozgkit.sandbox.postfach;
