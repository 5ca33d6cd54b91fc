package org.vnextract.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes an OpenNLP model file depend on its content only: OpenNLP writes the time of writing into
 * the zip entries, into the date comment of {@code manifest.properties} and into its
 * {@code Timestamp} property. The canonical form has the same entries in the same order, each dated
 * 1 January 2000, the comment lines dropped and {@code Timestamp=0}; OpenNLP reads it as before.
 * Two trainings on the same data thus give the same bytes.
 *
 * <p>Stateless; thread-safe.
 */
public final class ModelBytes {
    /** 2000-01-01T00:00:00Z. */
    private static final long FIXED_TIME = 946_684_800_000L;

    private ModelBytes() {}

    /** The canonical bytes of a serialised OpenNLP model (a zip). */
    public static byte[] canonical(byte[] model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(model.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("manifest.properties")) {
                    content = manifest(new String(content, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
                }
                ZipEntry c = new ZipEntry(e.getName());
                c.setTime(FIXED_TIME);
                zip.putNextEntry(c);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String manifest(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            b.append(line.startsWith("Timestamp=") ? "Timestamp=0" : line).append('\n');
        }
        return b.toString();
    }
}
