package dev.safestream.console.ui;

import javafx.application.Platform;

/** {@link UiExecutor} for the running app: the console's one hop onto the FX application thread. */
public final class FxUiExecutor implements UiExecutor {
    @Override
    public void execute(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }
}
