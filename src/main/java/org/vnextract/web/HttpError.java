package org.vnextract.web;

/** A request refused with a status and a message for the user (no stack trace: it is not a failure of ours). */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
