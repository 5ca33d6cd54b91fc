package org.vnextract.web;

import java.nio.charset.StandardCharsets;

/** A response of the pages and API of issue 18 ({@link Desk}): status, content type, body. Immutable. */
record Reply(int status, String type, byte[] body) {
    static Reply html(String page) {
        return new Reply(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    static Reply json(byte[] body) {
        return new Reply(200, "application/json; charset=utf-8", body);
    }

    static Reply csv(String body) {
        return new Reply(200, "text/csv; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }
}
