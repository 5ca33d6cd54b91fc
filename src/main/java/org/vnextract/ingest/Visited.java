package org.vnextract.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The files and directories a walk has already been to, by what they are on disk (device and
 * inode, else the real path), not by the name they were reached through. A symbolic link back
 * up the tree ({@code ln -s . d/l}) then leads nowhere new: every real directory is listed once and
 * every real file read once, so a walk ends, in time bounded by the tree's real size, however many
 * loops it has.
 *
 * <p>Not thread-safe: one walk uses it.
 */
public final class Visited {
    private final Set<Object> seen = new HashSet<>();

    /**
     * Whether {@code p} (followed through links) is met for the first time; true also when it
     * cannot be identified, so that the reader reports the problem.
     */
    public boolean first(Path p) {
        Object key;
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            key = a.fileKey();
            if (key == null) {
                key = p.toRealPath();
            }
        } catch (IOException | SecurityException e) {
            return true; // unreadable or dangling: not a duplicate; reading it gives the error line
        }
        return seen.add(key);
    }
}
