package dev.safestream.console.net;

/** The server refused a request; {@link #getMessage()} is its {@code detail}, fit to show a moderator. */
public final class ServerException extends RuntimeException {
    private final int status;

    public ServerException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    /** The HTTP status, or 0 when the server could not be reached. */
    public int status() {
        return status;
    }

    /** Whether the token was refused: the moderator must log in again. */
    public boolean unauthorized() {
        return status == 401;
    }
}
