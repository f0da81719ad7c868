package dev.safestream.console.ui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failed future's exception into the one line a moderator sees. */
public final class Failures {
    private Failures() {}

    public static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
