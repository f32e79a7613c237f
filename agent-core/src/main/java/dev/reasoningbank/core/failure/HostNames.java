package dev.reasoningbank.core.failure;

import dev.reasoningbank.core.lesson.ArgumentCondition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds the argument of a call that names a host (host, url, endpoint, baseUrl...). */
public final class HostNames {

    private static final List<String> HOST_PARAMETERS = List.of("host", "hostname", "server", "baseurl", "url", "endpoint", "uri");

    private HostNames() {}

    /** The name of the argument that names a host, if any. */
    public static Optional<String> parameterIn(Map<String, ?> arguments) {
        return arguments.keySet().stream()
                .filter(name -> HOST_PARAMETERS.contains(name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")))
                .filter(name -> arguments.get(name) != null)
                .findFirst();
    }

    /** The host named by the arguments, if any. */
    public static Optional<String> inArguments(Map<String, ?> arguments) {
        return parameterIn(arguments).map(name -> ArgumentCondition.hostOf(String.valueOf(arguments.get(name))));
    }
}
