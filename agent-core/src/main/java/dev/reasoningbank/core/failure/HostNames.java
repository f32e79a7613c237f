package dev.reasoningbank.core.failure;

import dev.reasoningbank.core.internal.Internal;
import dev.reasoningbank.core.lesson.ArgumentCondition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds the argument of a call that names a host (host, url, endpoint, baseUrl...). */
@Internal
public final class HostNames {

    private static final List<String> HOST_PARAMETERS = List.of("host", "hostname", "server", "baseurl", "url", "endpoint", "uri");

    private HostNames() {}

    /** Whether a parameter of this name says where a call goes (host, url, endpoint, baseUrl...). */
    public static boolean isHostParameter(String name) {
        // a tool's own setting is named with a prefix: weather.baseUrl
        String last = name.substring(name.lastIndexOf('.') + 1);
        return HOST_PARAMETERS.contains(last.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
    }

    /** The name of the argument that names a host, if any. */
    public static Optional<String> parameterIn(Map<String, ?> arguments) {
        return arguments.keySet().stream()
                .filter(HostNames::isHostParameter)
                .filter(name -> arguments.get(name) != null)
                .findFirst();
    }

    /** The one host every argument that names a host names; empty when none does, or when two name different hosts. */
    public static Optional<String> soleHostIn(Map<String, ?> arguments) {
        java.util.List<String> hosts = arguments.entrySet().stream().filter(e -> e.getValue() != null && isHostParameter(e.getKey()))
                .map(e -> ArgumentCondition.hostOf(String.valueOf(e.getValue()))).distinct().toList();
        return hosts.size() == 1 ? Optional.of(hosts.get(0)) : Optional.empty();
    }

    /** The host named by the arguments, if any. */
    public static Optional<String> inArguments(Map<String, ?> arguments) {
        return parameterIn(arguments).map(name -> ArgumentCondition.hostOf(String.valueOf(arguments.get(name))));
    }
}
