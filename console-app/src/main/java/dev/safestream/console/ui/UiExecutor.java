package dev.safestream.console.ui;

import java.util.concurrent.Executor;

/**
 * Runs work on the UI thread. The only way code off the FX thread reaches view models: {@link FxUiExecutor} in the
 * app (the one {@code Platform.runLater} of the console), {@link #direct()} in view-model tests.
 */
public interface UiExecutor extends Executor {

    /** Runs tasks on the calling thread: for tests, where the test thread plays the UI thread. */
    static UiExecutor direct() {
        return Runnable::run;
    }
}
