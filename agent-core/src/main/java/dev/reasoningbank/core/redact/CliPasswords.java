package dev.reasoningbank.core.redact;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Short command-line flags that carry a password, as each program documents them. A short flag means a
 * password only for its program ({@code -p} is a port for {@code ssh}, a publish for {@code docker run}),
 * so a flag counts only on a line that runs that program.
 */
final class CliPasswords {

    /** Programs whose flag is followed by the password as the next argument ({@code redis-cli -a secret}). */
    private static final Map<String, String> NEXT_ARGUMENT = Map.ofEntries(
            Map.entry("redis-cli", "-a"), Map.entry("sshpass", "-p"), Map.entry("mongo", "-p"), Map.entry("mongosh", "-p"),
            Map.entry("mongodump", "-p"), Map.entry("mongorestore", "-p"), Map.entry("mongoexport", "-p"), Map.entry("mongoimport", "-p"),
            Map.entry("sqlcmd", "-P"), Map.entry("sqlcmd.exe", "-P"), Map.entry("bcp", "-P"), Map.entry("osql", "-P"),
            // the OpenLDAP clients: -w passwd binds with it (-W prompts, -y reads a file)
            Map.entry("ldapsearch", "-w"), Map.entry("ldapmodify", "-w"), Map.entry("ldapadd", "-w"), Map.entry("ldapdelete", "-w"),
            Map.entry("ldapmodrdn", "-w"), Map.entry("ldappasswd", "-w"), Map.entry("ldapwhoami", "-w"), Map.entry("ldapcompare", "-w"),
            Map.entry("ldapexop", "-w"),
            // NetworkManager: nmcli dev wifi connect SSID password PSK
            Map.entry("nmcli", "password"));
    /** Programs whose {@code login} takes {@code -p password}. */
    private static final Set<String> LOGIN = Set.of("docker", "podman", "nerdctl", "buildah", "skopeo", "helm", "oras");
    /** Programs that read the password written against {@code -p} ({@code mysqldump -pS3cret}); {@code -p} alone prompts. */
    private static final Set<String> ATTACHED = Set.of("mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlshow", "mysqlcheck",
            "mariadb", "mariadb-dump", "mariadb-admin");
    /** Programs whose {@code -u} / {@code --user} is {@code user:password}. */
    private static final Set<String> USER_AND_PASSWORD = Set.of("curl");

    private CliPasswords() {}

    static boolean isCommand(String name) {
        return NEXT_ARGUMENT.containsKey(name) || LOGIN.contains(name) || name.equals("login") || ATTACHED.contains(name)
                || USER_AND_PASSWORD.contains(name);
    }

    /** Whether {@code flag}, on a line running {@code commands}, is followed by a password. */
    static boolean passwordFollows(Set<String> commands, String flag) {
        if (flag.equals("-p") && commands.contains("login") && commands.stream().anyMatch(LOGIN::contains)) {
            return true;
        }
        return commands.stream().anyMatch(c -> flag.equals(NEXT_ARGUMENT.get(c)));
    }

    /** Whether {@code flag}, on a line running {@code commands}, is followed by {@code user:password}. */
    static boolean userAndPasswordFollow(Set<String> commands, String flag) {
        return (flag.equals("-u") || flag.equals("--user")) && commands.stream().anyMatch(USER_AND_PASSWORD::contains);
    }

    /** The password written against {@code -p} in {@code token} on a line running one of {@code commands}, or {@code null}. */
    static @Nullable String attachedPassword(Set<String> commands, String token) {
        if (token.length() > 2 && token.startsWith("-p") && commands.stream().anyMatch(ATTACHED::contains)) {
            return token.substring(2);
        }
        return null;
    }
}
