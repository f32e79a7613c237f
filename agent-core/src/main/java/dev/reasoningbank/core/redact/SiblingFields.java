package dev.reasoningbank.core.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets whose name stands beside them in a field of its own rather than before them: .NET and NuGet settings
 * ({@code <add key="ClearTextPassword" value="..."/>}), key/value lists ({@code {"key":"DB_PASSWORD","value":"..."}})
 * and validation errors that echo the value they rejected next to the field's name (express-validator's
 * {@code {"value":"...","path":"password"}}, Spring's {@code rejectedValue}, pydantic's {@code {"loc":["body","password"],"input":"..."}}).
 */
final class SiblingFields {

    private static final Pattern KEY_VALUE_SETTING = Pattern.compile(
            "(?i)(\\bkey\\s{0,3}=\\s{0,3}([\"'])([^\"'<>]{1,64})\\2\\s{1,20}value\\s{0,3}=\\s{0,3}([\"']))([^\"']{1,400})\\4");
    private static final String STRING = "\"(?:[^\"\\\\]|\\\\.){0,500}+\"";
    /**
     * A JSON object whose nested objects hold none (pydantic's {@code "ctx":{"pattern":"^[0-9]{8}$"}}), braces in its
     * strings being text; bounded, and each part read once, so that the scan stays linear.
     */
    private static final Pattern FLAT_OBJECT = Pattern.compile(
            "\\{(?:" + STRING + "|[^{}\"]|\\{(?:" + STRING + "|[^{}\"]){0,500}+}){1,2000}+}");
    private static final Pattern FIELD_NAME = Pattern.compile(
            "\"(?:key|name|path|param|field|property|attribute|loc)\"\\s{0,3}:\\s{0,3}(?:\\[[^\\]]{0,300}?\"([^\"]{1,100})\"\\s{0,3}]|\"([^\"]{1,100})\")");
    private static final Pattern FIELD_VALUE = Pattern.compile(
            "(\"(?:value|input|rejectedValue|received)\"\\s{0,3}:\\s{0,3}\")((?:[^\"\\\\]|\\\\.){1,400})\"");

    private SiblingFields() {}

    static String redact(String text) {
        String out = text;
        if (out.contains("value")) {
            out = PositionalSecrets.replaceEach(KEY_VALUE_SETTING.matcher(out), m -> Redactor.isSecretName(m.group(3)) ? m.group(1) + Redactor.marker("secret") + m.group(4) : m.group());
        }
        if (out.contains("\"")) {
            out = PositionalSecrets.replaceEach(FLAT_OBJECT.matcher(out), m -> namesASecret(m.group())
                    ? PositionalSecrets.replaceEach(FIELD_VALUE.matcher(m.group()), v -> v.group(1) + Redactor.marker("secret") + "\"") : m.group());
        }
        return out;
    }

    private static boolean namesASecret(String object) {
        Matcher name = FIELD_NAME.matcher(object);
        while (name.find()) {
            if (Redactor.isSecretName(name.group(1) != null ? name.group(1) : name.group(2))) {
                return true;
            }
        }
        return false;
    }
}
