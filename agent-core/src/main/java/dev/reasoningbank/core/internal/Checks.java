package dev.reasoningbank.core.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks that return their value and name the parameter they reject. */
public final class Checks {

    private Checks() {}

    public static <T> T notNull(@Nullable T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    public static String notBlank(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public static String maxLength(String value, int max, String name) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(
                    name + " must be at most " + max + " characters but was " + value.length());
        }
        return value;
    }

    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + " but was " + value);
        }
        return value;
    }

    public static double between(double value, double min, double max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + max + " but was " + value);
        }
        return value;
    }
}
