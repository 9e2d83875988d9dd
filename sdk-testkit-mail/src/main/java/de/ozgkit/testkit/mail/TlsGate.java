package de.ozgkit.testkit.mail;

import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP connection. Without TLS it is GreenMail's handler with the authentication gate. With
 * STARTTLS it first speaks the plain-text part of RFC 3207 itself (greeting, EHLO offering only
 * STARTTLS, everything else refused with 530), upgrades the socket to TLS, and then hands the
 * encrypted connection to GreenMail's handler, which offers AUTH and takes the mail.
 */
final class TlsGate implements ProtocolHandler {

    /** RFC 5321 limits command lines to 512 octets; some slack for broken clients. */
    private static final int MAX_LINE = 1000;
    private static final int MAX_REFUSALS = 20;

    private final Socket plain;
    private final SmtpManager manager;
    private final SSLContext tls;
    private final boolean authRequired;
    private final String serverName;
    private final Predicate<String> refuseRecipient;
    private volatile ProtocolHandler inner;
    private volatile boolean closed;

    TlsGate(Socket plain, SmtpManager manager, SSLContext tls, boolean authRequired, String serverName,
            Predicate<String> refuseRecipient) {
        this.refuseRecipient = refuseRecipient;
        this.plain = plain;
        this.manager = manager;
        this.tls = tls;
        this.authRequired = authRequired;
        this.serverName = serverName;
    }

    @Override
    public void run() {
        try {
            Socket session = tls == null ? plain : negotiate();
            if (session == null || closed) {
                close();
                return;
            }
            SmtpHandler handler = tls == null
                    ? new SmtpHandler(new GatedCommandRegistry(authRequired, refuseRecipient), manager, session)
                    : new SmtpHandler(new GatedCommandRegistry(authRequired, refuseRecipient), manager, session) {
                        @Override
                        protected void sendGreetings() {
                            // RFC 3207: after the handshake the client speaks first (EHLO)
                        }
                    };
            inner = handler;
            if (closed) {
                handler.close();
                return;
            }
            handler.run();
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    /** @return the TLS socket, or {@code null} when the client left before STARTTLS */
    private Socket negotiate() throws IOException {
        InputStream in = plain.getInputStream();
        OutputStream out = plain.getOutputStream();
        send(out, "220 " + serverName + " ESMTP ozgkit test server, STARTTLS required");
        int refusals = 0;
        while (!closed) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
            if (line.toUpperCase(Locale.ROOT).startsWith("STARTTLS")) {
                if (in.available() > 0) {
                    // commands sent together with STARTTLS would run inside TLS as if the client had
                    // sent them there (plain-text command injection); refuse the connection
                    send(out, "554 5.5.1 no pipelining after STARTTLS");
                    return null;
                }
                send(out, "220 2.0.0 Ready to start TLS");
                SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                        plain.getInetAddress().getHostAddress(), plain.getPort(), true);
                s.setUseClientMode(false);
                s.startHandshake();
                return s;
            }
            switch (verb) {
                case "EHLO" -> send(out, "250-" + serverName + "\r\n250 STARTTLS");
                case "HELO" -> send(out, "250 " + serverName);
                case "NOOP", "RSET" -> send(out, "250 OK");
                case "QUIT" -> {
                    send(out, "221 " + serverName + " closing");
                    return null;
                }
                default -> {
                    send(out, "530 5.7.0 Must issue a STARTTLS command first");
                    if (++refusals >= MAX_REFUSALS) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static String readLine(InputStream in) throws IOException {
        // byte by byte, so that nothing after the STARTTLS line is consumed from the plain stream
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = buf.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (buf.size() >= MAX_LINE) {
                throw new IOException("command line longer than " + MAX_LINE + " bytes");
            }
            buf.write(b);
        }
        return null;
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        ProtocolHandler h = inner;
        if (h != null) {
            h.close();
        }
        try {
            plain.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
