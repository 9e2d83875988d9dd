package de.ozgkit.testkit.mail;

import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GreenMail's SMTP commands with what GreenMail lacks: {@code MAIL} is refused until the client has
 * authenticated (when authentication is required), and recipients can be refused. ({@code STARTTLS}
 * inside TLS needs nothing: GreenMail refuses every command longer than four letters with 500.)
 */
final class GatedCommandRegistry extends SmtpCommandRegistry {

    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    private final boolean authRequired;
    private final Predicate<String> refuseRecipient;

    GatedCommandRegistry(boolean authRequired, Predicate<String> refuseRecipient) {
        this.authRequired = authRequired;
        this.refuseRecipient = refuseRecipient;
    }

    @Override
    public SmtpCommand getCommand(String name) {
        SmtpCommand command = super.getCommand(name);
        if ("MAIL".equals(name) && authRequired && command != null) {
            return new SmtpCommand() {
                @Override
                public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String line)
                        throws IOException {
                    if (!conn.isAuthenticated()) {
                        conn.send("530 5.7.0 Authentication required");
                        return;
                    }
                    command.execute(conn, state, manager, line);
                }
            };
        }
        if ("RCPT".equals(name) && command != null) {
            return new SmtpCommand() {
                @Override
                public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String line)
                        throws IOException {
                    Matcher m = RCPT.matcher(line);
                    if (m.matches() && refuseRecipient.test(m.group(1).toLowerCase(Locale.ROOT))) {
                        conn.send("550 5.1.1 recipient refused");
                        return;
                    }
                    command.execute(conn, state, manager, line);
                }
            };
        }
        return command;
    }
}
