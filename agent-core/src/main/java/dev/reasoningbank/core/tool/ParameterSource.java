package dev.reasoningbank.core.tool;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a {@code ReplaceParam} lesson takes its value from (a credential store, a configuration).
 * Lessons name a key of the source; the value itself is never stored in the bank.
 */
@FunctionalInterface
public interface ParameterSource {

    Optional<String> value(String key);

    /** The keys this source can answer, if it can list them (never the values): shown to an LLM reflector. */
    default Set<String> keys() {
        return Set.of();
    }

    /** No values at all: every ReplaceParam lesson is then inapplicable. */
    static ParameterSource none() {
        return key -> Optional.empty();
    }

    static ParameterSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ParameterSource() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(copy.get(key));
            }

            @Override
            public Set<String> keys() {
                return copy.keySet();
            }
        };
    }

    /** Values from environment variables: key {@code weather.apiKey} reads {@code WEATHER_APIKEY}. */
    static ParameterSource environment() {
        return key -> Optional.ofNullable(System.getenv(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
    }
}
