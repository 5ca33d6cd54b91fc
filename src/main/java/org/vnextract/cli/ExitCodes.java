package org.vnextract.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int SOME_REJECTED = 3;

    private ExitCodes() {}
}
