package dev.reasoningbank.core.tool;

import static dev.reasoningbank.core.internal.Checks.notBlank;
import static dev.reasoningbank.core.internal.Checks.notNull;

import dev.reasoningbank.core.failure.HostNames;
import dev.reasoningbank.core.redact.Redactor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A value a tool keeps in its own configuration, not in its arguments: its API key, its base URL.
 * The tool reads it with {@link #get()} at call time; lessons see it as an argument named
 * {@link #name()}, so a rejected key is replaced and a host that is down is skipped even though the
 * model never passes either.
 *
 * <pre>{@code
 * ToolSetting apiKey = ToolSetting.credential("weather.apiKey", config.weatherKey());
 * ToolSetting baseUrl = ToolSetting.location("weather.baseUrl", "https://api.weather.example");
 * // in the tool: .header("X-Api-Key", apiKey.get()) ... URI.create(baseUrl.get() + "/v1/current?city=" + city)
 * // a fresh key: ParameterSource.of(Map.of("weather.apiKey", vault.read("weather"))) — the same name, once
 * }</pre>
 *
 * <p>A credential's values are secrets: they are redacted wherever they appear and only their keyed
 * fingerprints are stored. A lesson may replace a credential only with the value its
 * {@link ParameterSource} holds under the credential's name, and a location only with a configured
 * alternative.
 */
public final class ToolSetting implements Supplier<String> {

    private static final ThreadLocal<Map<ToolSetting, String>> PLANNED = new ThreadLocal<>();

    private final String name;
    private final String configured;
    private final boolean credential;

    private ToolSetting(String name, String configured, boolean credential) {
        this.name = notBlank(name, "name");
        this.configured = notNull(configured, "value of " + name);
        this.credential = credential;
    }

    /**
     * A credential the tool sends (an API key, a token, a password); its name reads as one
     * ({@code weather.apiKey}, {@code github.token}) and is also the key a fresh value is taken from.
     */
    public static ToolSetting credential(String name, String value) {
        if (!Redactor.isSecretName(notBlank(name, "name"))) {
            throw new IllegalArgumentException("a credential's name must say it is one, so that it is redacted everywhere: '" + name
                    + "' does not; name it like 'weather.apiKey', 'github.token' or 'db.password'");
        }
        return new ToolSetting(name, value, true);
    }

    /** Where the tool sends its calls (a base URL or a host); its name ends like one ({@code weather.baseUrl}, {@code mail.host}). */
    public static ToolSetting location(String name, String value) {
        if (!HostNames.isHostParameter(notBlank(name, "name"))) {
            throw new IllegalArgumentException("a location's name must end in host, baseUrl, url, endpoint or server: '" + name
                    + "' does not; name it like 'weather.baseUrl'");
        }
        return new ToolSetting(name, value, false);
    }

    /** The name lessons know this setting by. */
    public String name() {
        return name;
    }

    /** Whether the value is a secret. */
    public boolean isCredential() {
        return credential;
    }

    /** The configured value, before any lesson. */
    public String configured() {
        return configured;
    }

    /** The value for the call running on this thread: the configured one, unless a lesson changed it for this call. */
    @Override
    public String get() {
        Map<ToolSetting, String> planned = PLANNED.get();
        String value = planned == null ? null : planned.get(this);
        return value != null ? value : configured;
    }

    /**
     * Runs one planned call of a tool with these settings' values, as its plan set them (for integrations
     * that run tools: the LangChain4j one does).
     */
    public static <T> T during(Map<ToolSetting, String> values, Callable<T> call) throws Exception {
        Map<ToolSetting, String> outer = PLANNED.get();
        Map<ToolSetting, String> scope = outer == null ? new HashMap<>() : new HashMap<>(outer);
        scope.putAll(values);
        PLANNED.set(scope);
        try {
            return call.call();
        } finally {
            if (outer == null) {
                PLANNED.remove();
            } else {
                PLANNED.set(outer);
            }
        }
    }

    /** The name and, for a location, the value; a credential's value never shows. */
    @Override
    public String toString() {
        return name + "=" + (credential ? Redactor.marker("credential") : configured);
    }
}
