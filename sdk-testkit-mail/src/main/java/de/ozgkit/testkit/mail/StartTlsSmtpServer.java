package de.ozgkit.testkit.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/** GreenMail's SMTP server whose connections go through a {@link TlsGate}. */
final class StartTlsSmtpServer extends SmtpServer {

    private final SSLContext tls;
    private final boolean authRequired;
    private final String serverName;
    private final Predicate<String> refuseRecipient;

    StartTlsSmtpServer(ServerSetup setup, Managers managers, SSLContext tls, boolean authRequired, String serverName,
            Predicate<String> refuseRecipient) {
        super(setup, managers);
        this.refuseRecipient = refuseRecipient;
        this.tls = tls;
        this.authRequired = authRequired;
        this.serverName = serverName;
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new TlsGate(clientSocket, managers.getSmtpManager(), tls, authRequired, serverName, refuseRecipient);
    }
}
