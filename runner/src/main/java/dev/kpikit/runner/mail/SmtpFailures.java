package dev.kpikit.runner.mail;

import java.io.IOException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Tells a failure worth retrying (server down, 4xx) from one that will fail again (5xx, bad login). */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static boolean isTransient(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return false;
        }
        Integer code = returnCode(e);
        if (code != null) {
            return code >= 400 && code < 500;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;  // refused, reset, timed out: the server may be back soon
            }
        }
        return !(e instanceof SendFailedException);
    }

    private static Integer returnCode(MessagingException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (next instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
        }
        return null;
    }

    /** One line: the message and its causes, as an operator would want it in the history. */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" (").append(cause.getMessage()).append(')');
            }
        }
        return text.toString().replaceAll("[\\r\\n]+", " ").strip();
    }
}
