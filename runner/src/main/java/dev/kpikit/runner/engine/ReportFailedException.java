package dev.kpikit.runner.engine;

/** A report that could not be rendered; the message says which design and why. */
public class ReportFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
