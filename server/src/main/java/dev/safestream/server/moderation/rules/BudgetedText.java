package dev.safestream.server.moderation.rules;

/**
 * A {@link CharSequence} that allows only so many character reads, shared with its sub-sequences. Java's regex engine
 * reads its input only through {@link #charAt}, so this bounds the work of a backtracking pattern (a moderator's
 * {@code /(a+)+$/}) on one message: past the budget it throws {@link Exhausted}.
 */
final class BudgetedText implements CharSequence {
    /** Enough for any sane pattern on a chat message (a few thousand reads), small enough to cost well under 1 ms. */
    static final int DEFAULT_STEPS = 200_000;

    /** The budget ran out. No stack trace: it is control flow, not a bug. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("regular expression exceeded its step budget", null, false, false);
        }
    }

    private final CharSequence text;
    private final int[] left;

    BudgetedText(CharSequence text, int steps) {
        this(text, new int[] {steps});
    }

    private BudgetedText(CharSequence text, int[] left) {
        this.text = text;
        this.left = left;
    }

    @Override
    public char charAt(int index) {
        if (--left[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text.subSequence(start, end), left);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
