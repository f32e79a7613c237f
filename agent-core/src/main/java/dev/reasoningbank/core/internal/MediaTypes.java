package dev.reasoningbank.core.internal;

import java.util.regex.Pattern;

/** A media type with its parameters, as an {@code Accept} header takes it ({@code application/vnd.api+json; version=3}). */
public final class MediaTypes {

    /** The regular expression of one media type, to embed in others. */
    public static final String REGEX = "[a-z]{1,20}/[A-Za-z0-9.+-]{1,80}(?:;\\s?[A-Za-z0-9_-]{1,20}=[A-Za-z0-9_.-]{1,20}){0,3}";
    private static final Pattern WHOLE = Pattern.compile(REGEX);

    private MediaTypes() {}

    /** Whether the value is exactly one media type: its {@code ;} separates parameters, never commands. */
    public static boolean isMediaType(String value) {
        return WHOLE.matcher(value).matches();
    }
}
