package org.vnextract.cli;

import org.vnextract.Vnextract;
import picocli.CommandLine;

/** {@code --version} of every command. Stateless; thread-safe. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"vnextract " + Vnextract.VERSION,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                "License GPL-3.0-or-later"};
    }
}
