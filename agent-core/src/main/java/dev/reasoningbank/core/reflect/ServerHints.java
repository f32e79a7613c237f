package dev.reasoningbank.core.reflect;

import dev.reasoningbank.core.internal.MediaTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server's error message says to do, read generically: a bound phrased many ways ({@code <= 100},
 * {@code at most}, {@code must not exceed}, {@code less than}, {@code between 1 and 100}), allowed values
 * ({@code one of}, {@code expected}, {@code allowed values}, {@code must be either}), a date format
 * ({@code ISO-8601}, {@code yyyy-MM-dd}, {@code RFC 3339}, an example value), a successor ({@code use /v2},
 * {@code moved to}, {@code replaced by}) and a value for a missing parameter.
 */
final class ServerHints {

    private static final String NUMBER = "(-?\\d{1,12})";
    private static final Pattern INCLUSIVE_MAX = Pattern.compile("(?i)(?:<=|=<|≤|\\bat most|\\bno more than|\\bnot (?:be )?(?:greater|more|larger|higher) than|\\bcan ?not be (?:greater|more|larger|higher) than|"
            + "\\b(?:must|may|should|can|cannot|can't|could) not exceed|"
            // "cannot request more than 100 items" (crates.io)
            + "\\b(?:cannot|can't|may not|must not|should not)\\s(?:[a-z]{2,15}\\s){1,2}?(?:more|greater|larger|higher) than|\\bcannot exceed|\\bcan't exceed|\\bnot to exceed|\\bmust not be (?:greater|more|larger) than|"
            + "\\b(?:less|lower|smaller|fewer)(?: than)? or equal(?: to)?|\\bup ?to|\\bmaximum(?: allowed)?(?: value)?(?: is| of|:|=)?|\\bmax(?:imum)?(?: allowed)?\\s*[:=]?|"
            + "\\bexceeds? (?:the )?(?:maximum|max|limit)(?: allowed)?(?: value)?(?: of| is)?)\\s*:?\\s*[(\\[]?\\s*[\"'`]?" + NUMBER + "\\b");
    private static final Pattern EXCLUSIVE_MAX = Pattern.compile("(?i)(?:(?<![<=])<(?!=)|\\b(?:less|lower|smaller|fewer) than(?! or equal)|\\bbelow|\\bunder)\\s*" + NUMBER + "\\b");
    private static final Pattern RANGE = Pattern.compile("(?i)\\b(?:between|from|within)\\s+" + NUMBER + "(?:\\s*\\(inclusive\\))?\\s+(?:and|to)\\s+" + NUMBER + "\\b"
            + "|\\b(?:range(?: of)?|in)\\s*[\\[(]?\\s*" + NUMBER + "\\s*(?:,|-|\\.\\.|to)\\s*" + NUMBER + "\\s*[\\])]?");
    private static final Pattern OR_LESS = Pattern.compile("(?i)\\b" + NUMBER + "\\s+or (?:less|fewer|lower|smaller)\\b");
    private static final Pattern ALLOWED = Pattern.compile("(?i)(?:\\bone of(?: the following(?: values| options| choices)?)?|\\b(?:should|must|can|may) only be|\\bshould be(?: one of)?|\\bmust be either|\\b(?:allowed|valid|accepted|supported|permitted) (?:is|are) either|\\b(?:allowed|valid|possible|supported|accepted|permitted) values?(?: are| is)?|"
            // "valid precision units are ns, us, ms, and s"
            + "\\b(?:allowed|valid|possible|supported|accepted|permitted)(?: [a-z]{1,20}){1,2} (?:are|is)|"
            + "\\bthe following(?: [a-z]{1,20}){0,2} (?:are|is) (?:allowed|supported|exposed|valid|accepted|available|permitted)|"
            + "\\bneeds? to be(?: one of)?|\\bexpected values? (?:is|are)|"
            // Companies House's "please try 'alphabetical', 'best-match' or 'previous-name-dissolved'" (quoted: never "please try again")
            + "\\bplease try(?=\\s*['\"])|"
            // "Allowed: '', 'key', 'key_and_day'" (an empty value first)
            + "\\b(?:allowed|accepted|supported|permitted)(?=\\s*:)|"
            + "\\bexpected(?: one of| values?)?|\\bmust be(?: one of)?)\\s*:?\\s*(?:(?:''|\"\")\\s*,\\s*)?([\\[({]?[\"'`]?[A-Za-z0-9_.:-]{1,40}[\"'`]?(?:\\s*(?:,\\s*(?:or|and)\\b|,|\\||/|\\bor\\b|\\band\\b)\\s*[\"'`]?[A-Za-z0-9_.:-]{1,40}[\"'`]?){1,30}[\\])}]?)");
    /** One accepted value and no other: {@code accepted values for the Content-Type header are: `application/json`}. */
    /** "Accepted values for the Content-Type header are: `application/json`", "Supported versions: 2.": one value, no list. */
    private static final Pattern SOLE_ACCEPTED = Pattern.compile("(?i)\\b(?:allowed|valid|supported|accepted|permitted) (values?|versions?)"
            + "(?: for (?:the )?([\\w-]{1,40})(?: header| parameter| field)?)?(?: (?:are|is)\\s*:?|\\s*:)\\s*[\"'`]?(" + MediaTypes.REGEX
            // the value ends the sentence: "2." in "Supported versions: 2.", never the "2" of "2.0, 2.1" (a point before a digit)
            + "|[A-Za-z0-9_.-]{1,40})[\"'`]?\\s*(?:[.;)](?![A-Za-z0-9])|$)");
    /** Telnyx's "Status must be one of completed": a list of one value that ends the sentence. */
    private static final Pattern SOLE_CHOICE = Pattern.compile("(?i)\\b(?:must be|should be|needs? to be|expected|is not|allowed|accepted|supported|valid values? (?:is|are)) one of\\s*:?\\s*[\\[(]?[\"'`]?([A-Za-z0-9_:-]{1,40})[\"'`]?[\\])]?\\s*(?:[.;](?![A-Za-z0-9])|$)");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,40}");
    /** The values a value is not, listed to the end of the message: "… is not asc or desc". */
    private static final String NOT_AMONG = "\\s+is not\\s+([A-Za-z0-9_.:-]{1,40}(?:\\s*,\\s*[A-Za-z0-9_.:-]{1,40}){0,28},?\\s+or\\s+[A-Za-z0-9_.:-]{1,40})\\s*[.!]?\\s*$";
    /** graphql-js's "Did you mean the enum value \"CELSIUS\"?": the value the server suggests, quoted. */
    private static final Pattern SUGGESTED = Pattern.compile("(?i)\\bdid you mean\\s+(?:the\\s+)?(?:[a-z]{1,20}\\s+){0,3}?[\"'`]([A-Za-z0-9_.:-]{1,40})[\"'`]\\s*\\?");
    /** {@code must match "\\d{4}-\\d{2}-\\d{2}"} (Bean Validation's {@code @Pattern}): a date by the regular expression it must match, year first. */
    private static final Pattern DATE_REGEX = Pattern.compile("(?:(?<=[\"'`])|^)\\^?\\\\d\\{4\\}(\\\\?[-/.])\\\\d\\{2\\}\\1\\\\d\\{2\\}\\$?(?=[\"'`)]|$)");
    /**
     * msgspec's "Invalid RFC3339 encoded date": RFC 3339's full-date, no time (never "a valid RFC3339 date/time string", nor
     * Terraform's "a valid RFC3339 date", which asks for a timestamp).
     */
    private static final Pattern RFC_3339_DATE = Pattern.compile("(?i)\\brfc[-_ ]?3339 encoded date\\b(?![-/ ]?(?:time|and\\b))");
    private static final Pattern QUOTED_PATTERN_PART = Pattern.compile("'(?:yyyy|MM|dd)'");
    private static final Pattern EXPLICIT_DATE_PATTERN = Pattern.compile("(?i)\\b(y{4}[-/.]?m{2}[-/.]?d{2}(?:[T ]hh:mm(?::ss)?(?:z|x{1,3}|[+-]hh:?mm)?)?|d{2}[-/.]m{2}[-/.]y{4}|m{2}[-/.]d{2}[-/.]y{4})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("(?i)\\biso[-_ ]?8601\\b");
    private static final Pattern RFC_3339 = Pattern.compile("(?i)\\brfc[-_ ]?3339\\b");
    /** Words of a message that says what form a value must take. */
    private static final Pattern ASKS_FOR_A_FORM = Pattern.compile("(?i)\\b(?:invalid|format(?:ted)?|expect(?:ed|ing|s)?|parse|parsing|"
            + "malformed|wrong|not a valid|should|like|e\\.g|example|such as|instead)\\b");
    private static final Pattern EXAMPLE_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})(T\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?)?\\b");
    private static final Pattern SUCCESSOR = Pattern.compile("(?i)\\b(?:use|using|call|try|moved to|moved permanently to|replaced by|superseded by|migrate to|"
            + "migrated to|switch to|upgrade to|update to|in favou?r of|is now|successor is|see|(?:now |newly )?available (?:under|at)|"
            // Docker's "Minimum supported API version is 1.40", Meta's "Please update to the latest version: v23.0"
            + "(?:minimum|lowest|oldest) supported(?: api)? version is|latest(?: api)? version is)"
            + "\\s+(?:the\\s+)?(?:(?:new|latest|newest|current)\\s+)?(?:(?:endpoint|api|version)\\s*:?\\s+)?[\"'`]?"
            + "((?:https?://[^\\s\"'`<>]{1,300})|/[A-Za-z0-9_./{}:-]{1,200}|v\\d{1,3}(?:\\.\\d{1,3})?|\\d{4}-\\d{2}(?:-\\d{2})?|\\d{1,2}\\.\\d{1,3}\\b(?!\\.\\d))");
    private static final Set<String> NOT_A_VALUE = Set.of("header", "parameter", "field", "value", "is", "are", "required",
            "missing", "must", "the", "a", "an", "not", "set", "specified", "provided", "given", "invalid",
            // Symfony's "name: This value should not be blank.": a message's first word
            "this", "that", "these", "it");
    private static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm:ssXXX";
    /**
     * "ISO8601 time … is not in UTC" (Amazon's SP-API), "must be given in UTC": the same instant asked for, written in UTC (not "the
     * timezone must be UTC", a setting, nor "the server clock is not UTC").
     */
    private static final Pattern NOT_UTC = Pattern.compile("(?i)\\b(?:is|are) not in UTC\\b|\\b(?:must|should) be (?:given |specified |expressed )?in UTC\\b");
    /** An ISO 8601 date-time with an offset: its minutes, seconds and fraction of a second, and its offset. */
    private static final Pattern OFFSET_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(?:\\.(\\d{1,9}))?)?([+-]\\d{2}:\\d{2})");
    /** "This value is not a valid datetime" (the National Weather Service): a date and a time asked for, in no named form. */
    private static final Pattern DATE_TIME_COMPLAINT = Pattern.compile("(?i)\\b(?:invalid|wrong|bad|malformed|not a valid|enter a valid)\\s+date[- ]?time\\b"
            // SignalWire's "This value must be a DateTime", the whole clause (never one that must be newer, on a weekday, within a range)
            + "|\\b(?:must|should) be an? (?:valid )?date[- ]?time\\s*(?:[.!;,]|$)");
    /** "The value '31/12/2025' is not valid." (ASP.NET Core's model binding): a value quoted back and refused. */
    private static final Pattern VALUE_REFUSED = Pattern.compile("(?i)['\"`]([^'\"`]{1,40})['\"`] (?:is not valid|is invalid|is not a valid value)\\b");
    private static final Pattern DATE_ALONE = Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}");
    /** A message that says a date is not written as it should be, without saying how it should be. */
    private static final Pattern DATE_COMPLAINT = Pattern.compile("(?i)\\b(?:invalid|wrong|bad|malformed|unparseable|not a valid|enter a valid"
            // Pydantic v2's "Input should be a valid date or datetime"
            + "|(?:should|must) be a valid(?![^.;\\n]{0,60}\\b(?:after|before|future|past|between|later|earlier)\\b)"
            + "|(?:could|can)(?:not|n't| not) (?:parse|read))\\b[^.;\\n]{0,40}?\\b(?:date|timestamp)s?\\b"
            + "|\\b(?:date|timestamp)s?\\b[^.;\\n]{0,40}?\\b(?:is invalid|is not valid|(?:in )?(?:a |the )?wrong format|malformed|out of range)"
            + "|\\bdate/time field value out of range");

    private ServerHints() {}

    /** The largest value the message allows, if it names one. */
    static Optional<Long> upperBound(String message) {
        Matcher range = RANGE.matcher(message);
        if (range.find()) {
            return Optional.of(Long.parseLong(range.group(2) != null ? range.group(2) : range.group(4)));
        }
        Matcher inclusive = INCLUSIVE_MAX.matcher(message);
        if (inclusive.find()) {
            return Optional.of(Long.parseLong(inclusive.group(1)));
        }
        Matcher orLess = OR_LESS.matcher(message);
        if (orLess.find()) {
            return Optional.of(Long.parseLong(orLess.group(1)));
        }
        Matcher exclusive = EXCLUSIVE_MAX.matcher(message);
        if (exclusive.find()) {
            return Optional.of(Long.parseLong(exclusive.group(1)) - 1);
        }
        return Optional.empty();
    }

    private static final Pattern LIMIT_WORDS = Pattern.compile("(?i)\\b(?:max(?:imum)?|limit(?:ed)?|range|exceed(?:s|ed)?|too (?:big|large|many|high|long)|"
            + "greater|larger|higher|more than|above|upper|at most|up ?to|bound)\\b");
    private static final Pattern NOT_A_CEILING = Pattern.compile("(?i)\\b(?:multiple of|divisible by|step|increments? of|at least|minimum|min)\\b");
    /** A number that is no bound: a status, a version, a year after a date's preposition, a time, a size or a share. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("(?i)(?<![\\w.:/#-])(?<!http )(?<!version )(?<!(?:on|in|since|until|before|after|by) )"
            + "(\\d{1,9})(?![\\w:/-]|\\.\\d|\\s?(?:%|percent|ms|s\\b|sec|second|minute|min\\b|hour|day|byte|kb|mb|gb|kib|mib|gib))");
    private static final int NEAR = 60;

    /**
     * The largest number below {@code value} that follows a word about a ceiling closely ("integer too big (100
     * allowed, got 150)", "exceeds what one page holds: 200"), for a message {@link #upperBound} cannot read;
     * {@code parameter}'s own name is no such word.
     */
    static Optional<Long> ceilingBelow(String message, String parameter, long value) {
        String words = message.replaceAll("(?i)\\b" + Pattern.quote(parameter) + "\\b", " ".repeat(parameter.length()));
        if (NOT_A_CEILING.matcher(words).find()) {
            return Optional.empty();
        }
        long best = -1;
        Matcher limit = LIMIT_WORDS.matcher(words);
        while (limit.find()) {
            Matcher m = PLAIN_NUMBER.matcher(message).region(limit.end(), Math.min(message.length(), limit.end() + NEAR));
            m.useTransparentBounds(true);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                if (n > 0 && n < value && n > best) {
                    best = n;
                }
            }
        }
        return best > 0 ? Optional.of(best) : Optional.empty();
    }

    /**
     * The values the message allows {@code parameter}, listed in the clause that names it ("starting_quantity for an On/Off
     * component can only be '1' or '0'"); none for a list that follows another clause or another name.
     */
    static List<String> allowedValuesOf(String message, String parameter) {
        // (the name, a colon maybe, then the list in the same clause with no condition between: never "… when the tier is one of 1, 2")
        Matcher clause = Pattern.compile("(?i)(?<![\\w-])" + nameAsWritten(parameter) + "(?![\\w-])\\s*:?[^.;,:]{0,60}").matcher(message);
        while (clause.find()) {
            String rest = message.substring(clause.start());
            List<String> values = allowedValues(rest);
            Matcher list = ALLOWED.matcher(rest);
            if (!values.isEmpty() && list.find() && list.start() <= clause.end() - clause.start()
                    && !CONDITION.matcher(rest.substring(0, list.start())).find()) {
                return values;
            }
        }
        return List.of();
    }

    /**
     * Vapor's "sort is not asc or desc": the values {@code parameter} is not, when the whole message says so of it (never "Image
     * format is not JPEG or PNG", of a file, nor "Order status is not PENDING or CANCELED", of a resource).
     */
    static List<String> valuesItIsNot(String message, String parameter) {
        Matcher m = Pattern.compile("(?i)^\\s*[\"'`]?" + nameAsWritten(parameter) + "[\"'`]?" + NOT_AMONG).matcher(message);
        List<String> values = new ArrayList<>();
        if (m.find()) {
            for (String v : m.group(1).split("\\s*,\\s*(?:or\\s+)?|\\s+or\\s+")) {
                values.add(v.strip().replaceAll("[.:]+$", ""));
            }
        }
        return values;
    }

    /** Words that make what follows a condition, not a rule of the value's own. */
    private static final Pattern CONDITION = Pattern.compile("(?i)\\b(?:when|if|unless|where|while|whose)\\b");

    /** The values the message allows, if it lists them. */
    static List<String> allowedValues(String message) {
        Matcher m = ALLOWED.matcher(message);
        List<String> values = new ArrayList<>();
        if (m.find()) {
            Matcher token = TOKEN.matcher(m.group(1));
            while (token.find()) {
                String t = token.group().replaceAll("[.:]+$", ""); // "one of asc and desc.": the sentence's end is no part of a value
                if (!t.equalsIgnoreCase("or") && !t.equalsIgnoreCase("and")) {
                    values.add(t);
                }
            }
        }
        Matcher suggested = values.isEmpty() ? SUGGESTED.matcher(message) : null;
        if (suggested != null && suggested.find()) {
            values.add(suggested.group(1)); // a value the server knows, suggested for the one it does not
        }
        Matcher sole = values.isEmpty() ? SOLE_CHOICE.matcher(message) : null;
        if (sole != null && sole.find() && !NOT_A_VALUE.contains(sole.group(1).toLowerCase(Locale.ROOT))
                && !sole.group(1).matches("(?i)these|those|them|following|values?|options?|string|integer|number|boolean|object|array|null")) {
            values.add(sole.group(1));
        }
        return values;
    }

    /**
     * The Java date pattern the message asks for, for an argument shaped like {@code example}: an explicit
     * pattern, a named standard (ISO-8601 is a date for a date and a date-time for a date-time; RFC 3339
     * is a date-time), or the shape of an example value.
     */
    static Optional<String> datePattern(String message, String argument) {
        Matcher go = GO_LAYOUT.matcher(message);
        if (go.find()) {
            return Optional.of(fromGoLayout(go.group()));
        }
        Matcher strftime = STRFTIME.matcher(message);
        if (strftime.find()) {
            return Optional.of(fromStrftime(strftime.group()));
        }
        Matcher php = PHP_FORMAT.matcher(message);
        if (php.find()) {
            return fromPhp(php.group()); // a format named in letters this cannot write (g:i A, a zone's name) is no guess
        }
        // "in the format 'yyyy'-'MM'-'dd'T'HH':'mm':'ssZ'" (Youmanage): each part of a pattern quoted
        Matcher explicit = EXPLICIT_DATE_PATTERN.matcher(QUOTED_PATTERN_PART.matcher(message).find() ? message.replace("'", "") : message);
        if (explicit.find()) {
            return Optional.of(javaPattern(explicit.group(1)));
        }
        // a time with an offset said not to be in UTC, the value quoted back: its own form, in UTC (the transform keeps the instant)
        Matcher offset = argument == null ? null : OFFSET_DATE_TIME.matcher(argument.trim());
        if (offset != null && offset.matches() && message.contains(argument.trim()) && NOT_UTC.matcher(message).find()) {
            String seconds = offset.group(1) == null ? "" : offset.group(2) == null ? ":ss" : ":ss." + "S".repeat(offset.group(2).length());
            return Optional.of("yyyy-MM-dd'T'HH:mm" + seconds + "'Z'");
        }
        Matcher regex = DATE_REGEX.matcher(message);
        if (regex.find()) {
            String separator = regex.group(1).substring(regex.group(1).length() - 1);
            return Optional.of("yyyy" + separator + "MM" + separator + "dd");
        }
        boolean hasTime = argument != null && argument.matches(".*\\d{1,2}:\\d{2}.*");
        if (RFC_3339.matcher(message).find()) {
            return Optional.of(!hasTime && RFC_3339_DATE.matcher(message).find() ? "yyyy-MM-dd" : DATE_TIME);
        }
        if (ISO_DATE.matcher(message).find()) {
            return Optional.of(hasTime ? DATE_TIME : "yyyy-MM-dd");
        }
        // the rejected value quoted back ("cannot parse "2026-11-27 14:00:00"") is no example of the right form
        String withoutValue = argument == null || argument.isBlank() ? message
                : message.replaceAll(Pattern.quote(argument) + "(?![T\\d:.])", ""); // not the start of a longer example
        Matcher example = EXAMPLE_DATE.matcher(withoutValue);
        // a date the message only mentions ("DAGRun with logical date '2022-11-03 06:35:14+00:00' already exists") shows no form
        if (example.find() && ASKS_FOR_A_FORM.matcher(withoutValue).find()) {
            if (example.group(2) == null) {
                return Optional.of("yyyy-MM-dd");
            }
            String zone = example.group(3) == null ? "" : example.group(3).equals("Z") ? "'Z'" : "XXX";
            return Optional.of(example.group(2).length() > 6 && example.group(2).charAt(6) == ':' ? "yyyy-MM-dd'T'HH:mm:ss" + zone : "yyyy-MM-dd'T'HH:mm" + zone);
        }
        // "Enter a valid date.", "Date 11/20/2026 is in a wrong format": no format named; a date alone is written as ISO 8601 says,
        // the form APIs exchange dates in (RFC 3339's full-date). A date with a time is left: its zone would be a guess
        if (!hasTime && DATE_TIME_COMPLAINT.matcher(message).find()) {
            return Optional.of(DATE_TIME); // a date alone, where a date-time is asked for, is the start of that day (UTC)
        }
        if (!hasTime && DATE_COMPLAINT.matcher(message).find()) {
            return Optional.of("yyyy-MM-dd");
        }
        // ASP.NET Core's "The value '31/12/2025' is not valid.": a date alone with its year in full, quoted back and refused, in no named format
        if (!hasTime && argument != null && DATE_ALONE.matcher(argument.trim()).matches()) {
            Matcher refused = VALUE_REFUSED.matcher(message);
            while (refused.find()) {
                if (refused.group(1).equals(argument.trim())) {
                    return Optional.of("yyyy-MM-dd");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A layout as Go writes one, by its reference time Mon Jan 2 15:04:05 MST 2006 ({@code parsing time "…" as
     * "2006-01-02T15:04:05Z07:00"}: RFC 3339), as a Java pattern.
     */
    private static String fromGoLayout(String layout) {
        StringBuilder java = new StringBuilder();
        Matcher part = GO_PART.matcher(layout);
        while (part.find()) {
            java.append(switch (part.group()) {
                case "2006" -> "yyyy";
                case "01" -> "MM";
                case "02" -> "dd";
                case "15" -> "HH";
                case "04" -> "mm";
                case "05" -> "ss";
                case "Z07:00", "-07:00" -> "XXX";
                case "Z0700", "-0700" -> "XX";
                case "T" -> "'T'";
                default -> part.group();
            });
        }
        return java.toString();
    }

    /** A format as C's and Python's strftime write it: {@code '%Y-%m-%d'}, {@code %Y-%m-%dT%H:%M:%S%z}. */
    private static final Pattern STRFTIME = Pattern.compile("%Y[-/.]?%m[-/.]?%d(?:[T ]%H:%M(?::%S(?:\\.%f)?)?(?:%z|Z)?)?|%d[-/.]%m[-/.]%Y|%m[-/.]%d[-/.]%Y");

    /** A strftime format as a Java pattern. */
    private static String fromStrftime(String format) {
        return format.replace("%Y", "yyyy").replace("%m", "MM").replace("%d", "dd").replace("%H", "HH").replace("%M", "mm")
                .replace("%S", "ss").replace("%f", "SSSSSS").replace("%z", "XX").replace("T", "'T'").replace("Z", "'Z'");
    }

    /**
     * A format as PHP's {@code date()} writes it, as Laravel's and Symfony's messages name it: {@code Y-m-d},
     * {@code d/m/Y}, {@code Y-m-d H:i:s}, {@code Y-m-d\\TH:i:sP}; the time part is single letters, each after a separator (a zone's beside its letter).
     */
    private static final Pattern PHP_FORMAT = Pattern.compile("(?<![\\w%\\\\])(?:Y([-/.])m\\1d|d([-/.])m\\2Y|m([-/.])d\\3Y)"
            + "(?:(?:\\\\T|T| )[A-Za-z][POTeZ]?(?![A-Za-z])(?:(?:[:.]|\\\\T| )[A-Za-z][POTeZ]?(?![A-Za-z]))*)?(?![\\w\\\\]|[-/.:][A-Za-z])");
    private static final Map<Character, String> PHP_LETTERS = Map.of('Y', "yyyy", 'm', "MM", 'd', "dd", 'H', "HH", 'i', "mm", 's', "ss",
            'v', "SSS", 'u', "SSSSSS", 'P', "xxx", 'O', "xx"); // PHP writes +00:00 where Java's X would write Z

    /** A PHP date format as a Java pattern, if every letter of it has one. */
    private static Optional<String> fromPhp(String format) {
        StringBuilder java = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\') {
                java.append('\'').append(format.charAt(++i)).append('\''); // an escaped letter is itself: \T
            } else if (Character.isLetter(c)) {
                String letters = PHP_LETTERS.get(c);
                if (letters == null) {
                    return Optional.empty();
                }
                java.append(letters);
            } else {
                java.append(c);
            }
        }
        return Optional.of(java.toString());
    }

    private static final Pattern GO_LAYOUT = Pattern.compile(
            "2006-01-02(?:[T ]15:04(?::05)?(?:Z07:00|-07:00|Z0700|-0700)?)?(?![.\\d])|01/02/2006(?: 15:04(?::05)?)?(?![.\\d])|02/01/2006(?![.\\d])");
    private static final Pattern GO_PART = Pattern.compile("2006|Z07:00|-07:00|Z0700|-0700|01|02|15|04|05|T|.");

    /** The successor the message names for a deprecated or moved endpoint: a URL, a path or a version. */
    static Optional<String> successor(String message) {
        Matcher m = SUCCESSOR.matcher(message);
        while (m.find()) {
            String candidate = m.group(1).replaceAll("[.,;:)]+$", "");
            if (!candidate.isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A version ({@code v23.0}, {@code 1.40}, {@code 2025-04}); not a time or a size, not inside a URL or a path, not a date after "on" or "since". */
    private static final Pattern VERSION_SHAPE = Pattern.compile("(?i)(?<![\\w./:#=-])(?<!(?:on|in|since|until|before|after|by|from|of) )(?:(v?)(\\d{1,3}(?:\\.\\d{1,3})?)"
            + "(?![\\w/]|\\.\\d|\\s?(?:%|ms|s\\b|sec|second|minute|min\\b|hour|day|byte|kb|mb|gb))|(\\d{4}-\\d{2}(?:-\\d{2})?)(?![\\w/-]))");

    /**
     * A newer version of the same shape as {@code current} ({@code v21.0} and {@code v23.0}, {@code 1.30} and
     * {@code 1.40}, {@code 2024-01} and {@code 2025-04}) that a message about a retired version names, in whatever
     * words; the newest when it names several.
     */
    static Optional<String> newerVersion(String message, String current) {
        Matcher old = VERSION_SHAPE.matcher(current.trim());
        if (!old.matches()) {
            return Optional.empty();
        }
        String best = null;
        Matcher m = VERSION_SHAPE.matcher(message);
        while (m.find()) {
            boolean sameShape = old.group(3) != null ? m.group(3) != null && m.group(3).length() == old.group(3).length()
                    : m.group(2) != null && m.group(1).equalsIgnoreCase(old.group(1)) && m.group(2).contains(".") == old.group(2).contains(".");
            if (sameShape && compareVersions(m.group(), current.trim()) > 0 && (best == null || compareVersions(m.group(), best) > 0)) {
                best = m.group();
            }
        }
        return Optional.ofNullable(best);
    }

    /** A version segment of a path: v-prefixed ({@code /v1/users}), or a number right after {@code api} or {@code rest} ({@code /api/32/project}). */
    private static final Pattern VERSION_SEGMENT = Pattern.compile("(?i)(?<=/)v\\d{1,3}(?=/|$)|(?<=/(?:api|rest)/)\\d{1,3}(?=/|$)");
    private static final Pattern MEDIA_TYPE = Pattern.compile("(?<![\\w/.+-])" + MediaTypes.REGEX);

    /**
     * The one media type a message names other than {@code current} ("Content type 'text/plain' not supported. Please use
     * 'application/json'"); none when it names several others.
     */
    static Optional<String> otherMediaType(String message, String current) {
        String base = current.replaceAll(";.*", "").trim();
        List<String> others = mediaTypesIn(message).stream().filter(type -> !type.replaceAll(";.*", "").trim().equalsIgnoreCase(base)).toList();
        return others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
    }

    /** The media types a message names, each once, without the sentence's full stop. */
    private static List<String> mediaTypesIn(String message) {
        return MEDIA_TYPE.matcher(message).results().map(m -> m.group().replaceAll("[.]+$", "")).distinct().toList();
    }

    /** Words that speak against a value: "cannot accept", "is deprecated", "unless", "received". */
    private static final Pattern AGAINST = Pattern.compile("(?i)\\b(?:not|no|cannot|can['’]t|unsupported|deprecated|unless|except|received|got|rejects?|instead|never|only if)\\b");

    /**
     * Akeneo's "The 'Content-type' header is missing. 'application/json' has to specified as value.": the one media type a message
     * names, in a sentence that asks for it as the value ("has to be specified", "expected", "use", "Only … is supported") and
     * says nothing against it ("text/html is not supported", "cannot accept", "unless", "received" name what not to send).
     */
    static Optional<String> soleMediaType(String message) {
        List<String> types = mediaTypesIn(message);
        if (types.size() != 1) {
            return Optional.empty();
        }
        // the sentence that holds it asks for it as the value, and says nothing against it
        String type = Pattern.quote(types.get(0));
        Pattern asks = Pattern.compile("(?i)" + type + "[\"'`]?\\s+(?:has|have|needs?) to (?:be )?(?:specified|set|sent|given|used)\\b"
                + "|\\b(?:expected|expecting|use|send|set (?:it )?to|should be|must be|needs? to be)\\s*:?\\s*[\"'`]?" + type
                + "|\\bonly\\s+[\"'`]?" + type + "[\"'`]?\\s+(?:is|are)\\s+(?:supported|accepted|allowed)\\b");
        // Werkzeug's "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.": the type
        // the request's was not, ending the sentence, is the one to send (said of a call that sent none)
        Pattern wasNot = Pattern.compile("(?i)\\bcontent[- ]?type(?: header)?\\W{0,3}\\s+(?:was|is) not\\s+[\"'`]?" + type + "[\"'`]?\\s*[.;!]?$");
        boolean asked = java.util.Arrays.stream(message.split("(?<=[.;!?])\\s+")).filter(sentence -> sentence.contains(types.get(0)))
                .allMatch(sentence -> wasNot.matcher(sentence.strip()).find()
                        || asks.matcher(sentence).find() && !REFUSAL.matcher(sentence).find() && !AGAINST.matcher(sentence).find());
        return asked ? Optional.of(types.get(0)) : Optional.empty();
    }

    /** The version a message says to use: "Minimum supported version: 33", "latest API version is v3", "use version 31". */
    private static final Pattern VERSION_TO_USE = Pattern.compile("(?i)\\b(?:(?:minimum|min|latest|current|newest|use)(?: supported)?(?: api)? version"
            + "(?: is)?\\s*[:=]?\\s*[\"'`]?(v?\\d{1,3})|use\\s+[\"'`]?(v\\d{1,3}))(?!\\w|\\.\\d)");

    /**
     * The path with its version segment replaced by the version the message says to use, when the message names that segment
     * as the version it rejected ("Unsupported API Version \"32\" ... Minimum supported version: 33" for {@code /api/32/webhooks});
     * a path with more than one version segment, or whose version the message does not call a version, has none.
     */
    static Optional<String> pathWithNewerVersion(String path, String message) {
        Matcher segment = VERSION_SEGMENT.matcher(path);
        if (!path.startsWith("/") || !segment.find()) {
            return Optional.empty();
        }
        int start = segment.start();
        int end = segment.end();
        String old = segment.group();
        Matcher toUse = VERSION_TO_USE.matcher(message);
        if (segment.find() || !Pattern.compile("(?i)\\bversion\\s*[:=]?\\s*[\"'`]?" + Pattern.quote(old) + "[\"'`]?(?![\\w.])").matcher(message).find()
                || !toUse.find()) {
            return Optional.empty();
        }
        String newer = toUse.group(1) != null ? toUse.group(1) : toUse.group(2);
        boolean sameShape = Character.isLetter(newer.charAt(0)) == Character.isLetter(old.charAt(0));
        return sameShape && compareVersions(newer, old) > 0 ? Optional.of(path.substring(0, start) + newer + path.substring(end)) : Optional.empty();
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.replaceAll("(?i)^v", "").split("[.-]");
        String[] y = b.replaceAll("(?i)^v", "").split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A message that allows only lower-case ("lower-case letters only", "must be lowercase") or only upper-case letters. */
    private static final Pattern ONLY_LOWER = Pattern.compile("(?i)\\blower[- ]?case(?: letters| characters)?(?: and [a-z -]{1,30})? only\\b"
            + "|\\bonly (?:[a-z-]{1,20} )?(?:and )?lower[- ]?case\\b|\\bmust (?:be|contain) (?:all |only |purely |entirely )?lower[- ]?case\\b"
            + "|\\b(?:is |are )?not (?:in |all )?lower[- ]?case\\b");
    private static final Pattern ONLY_UPPER = Pattern.compile("(?i)\\bupper[- ]?case(?: letters| characters)?(?: and [a-z -]{1,30})? only\\b"
            + "|\\bonly (?:[a-z-]{1,20} )?(?:and )?upper[- ]?case\\b|\\bmust (?:be|contain) (?:all |only |purely |entirely )?upper[- ]?case\\b"
            + "|\\b(?:is |are )?not (?:in |all )?upper[- ]?case\\b");

    /** A character class of a pattern the message gives ({@code legal range is '^[A-Z0-9-_.]{1,20}$'}). */
    private static final Pattern CHARACTER_CLASS = Pattern.compile("\\[([^\\]\\[]{1,60})\\]");

    /** The characters a value may hold, listed after a colon ("You can only use the following characters: "a-z", "0-9""). */
    private static final Pattern CHARACTERS_LISTED = Pattern.compile(
            "(?i)\\b(?:only|allowed|permitted|valid)\\b[^.;:]{0,40}?\\b(?:characters|symbols)\\b(?: are)?(?: allowed)?\\s*:\\s*([^;\\n]{1,80})");
    private static final Pattern CASE_INSENSITIVE = Pattern.compile("(?i)\\bcase[- ]insensitive\\b|\\b(?:in )?any case\\b");
    private static final Pattern LETTER_RANGE_LOWER = Pattern.compile("(?<![\\w-])a-z(?![\\w-])");
    private static final Pattern LETTER_RANGE_UPPER = Pattern.compile("(?<![\\w-])A-Z(?![\\w-])");

    /** Words that refuse a value as written: "is not a valid choice", "Unknown messenger", "has an invalid data type". */
    private static final String REFUSED = "(?:invalid|not (?:a )?valid|unrecognized|not recognized|unexpected|(?:isn['’]t|is not|not) an? (?:valid |allowed )?option)";
    private static final Pattern REFUSAL = Pattern.compile("(?i)\\b" + REFUSED + "\\b");
    /**
     * Clerk's "Password is not a valid parameter and can only be updated via /v1/me/change_password": the path one argument must
     * be sent to (never after a bare "via", which may name the old path; never a version, which may be an older one).
     */
    private static final Pattern ONLY_VIA = Pattern.compile("(?i)\\bcan only be (?:\\w+ )?via [\"'`]?(/[A-Za-z0-9_./-]{1,200})");

    /**
     * Whether the message writes {@code value} as it was sent and refuses it in the same sentence ("Active is not a valid
     * choice.", Rocket.Chat's "Offline is not a valid status type"); a value named in a sentence that refuses something else is not.
     */
    static boolean refusesValue(String message, String value) {
        Matcher at = Pattern.compile("(?<![\\w-])" + Pattern.quote(value) + "(?![\\w-])").matcher(message);
        while (at.find()) {
            int start = Math.max(Math.max(message.lastIndexOf(". ", at.start()), message.lastIndexOf("; ", at.start())), 0);
            String sentence = message.substring(start, nextSentenceEnd(message, at.end()));
            Matcher refusal = REFUSAL.matcher(sentence);
            if (refusal.find()) {
                // the clause that refuses it, up to the comment after it ("…, see docs for supported data types")
                int after = Math.max(refusal.end(), at.end() - start);
                int cut = sentence.indexOf(", ", after);
                if (!qualified(cut < 0 ? sentence : sentence.substring(0, cut))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Ajv's enum error, as Misskey answers it ("must be equal to one of the allowed values", "should be …" before Ajv 7): a value
     * that is not one of the schema's constants.
     */
    private static final Pattern NOT_AN_ALLOWED_VALUE = Pattern.compile("(?i)\\b(?:must|should) be equal to one of the allowed values\\b");

    /**
     * Whether the message, or its last part after a prefix such as "json validation error:", refuses {@code parameter} and says
     * nothing more: "tz is not a valid timezone", "The locale is invalid", "Invalid locale." (never "… is invalid for this store",
     * "Invalid locale: en-us. Supported locales: en, de, fr", "The locale en-us is not a valid help center locale").
     */
    static boolean refusesAlone(String message, String parameter) {
        String words = message.strip().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).replaceAll("[_-]+", " ");
        String name = Pattern.quote(asWords(parameter));
        return Pattern.compile("(?:^|:\\s)(?:(?:the|this|your)\\s+)?(?:(?:provided|given|specified)\\s+)?" + name
                        + "(?:\\s+(?:parameter|field|value))?\\s+(?:is|was)\\s+(?:invalid|not (?:a )?valid(?:\\s+[a-z]{1,15}){0,2}|not recognized|unrecognized)"
                        + "\\s*[.!]?\\s*$|(?:^|:\\s)invalid\\s+" + name + "\\s*[.!]?\\s*$")
                .matcher(words).find();
    }

    /**
     * Whether the message, or its last part after a prefix, refuses {@code value} as written and says nothing more: Go's
     * "can't parse timezone: unknown time zone europe/berlin", "Invalid locale 'en_us'" (never "unknown time zone europe/berlin
     * for this account", nor a value it calls unsupported).
     */
    static boolean refusesValueAlone(String message, String value) {
        // (the words between name what the value is: never "Invalid currency for locale en_us", "Invalid local time in europe/berlin")
        return Pattern.compile("(?i)(?:^|:\\s)(?:unknown|invalid|unrecognized|unrecognised)\\s+(?:time[ -]?zone|zone|tz|locale|language|culture)"
                + "(?:\\s+(?:id|name|identifier))?\\s*:?\\s+[\"'`]?" + Pattern.quote(value) + "[\"'`]?\\s*[.!]?\\s*$").matcher(message.strip()).find();
    }

    /** Whether the message refuses a value only as none of the field's allowed constants (JSON Schema's enum keyword). */
    static boolean refusesAsNoAllowedValue(String message) {
        // (and nothing else: several errors joined name the first's field, not this one's)
        return NOT_AN_ALLOWED_VALUE.matcher(message).find() && RULE.matcher(message).results().count() == 1;
    }

    /** A rule a message states: "must …", "should …". */
    private static final Pattern RULE = Pattern.compile("(?i)\\b(?:must|should)\\b");

    /** Words that say why a value is refused other than as written: "for a campaign whose end date has passed", "cannot be combined". */
    private static final Pattern QUALIFIER = Pattern.compile("(?i)\\b(?:for|because|since|when|while|from|cannot|can['’]t|must|minimum|maximum"
            + "|combined|passed|expired|only|until|unless|after|before|if|plan|quota)\\b|:\\s*\\S+\\s+\\S+\\s+\\S+");

    /** Whether a refusal says why, beyond the value as written ("Invalid level Information: the minimum level is Warning"). */
    static boolean qualified(String refusal) {
        return QUALIFIER.matcher(refusal).find();
    }

    private static int nextSentenceEnd(String message, int from) {
        int end = message.length();
        for (String stop : List.of(". ", "; ")) {
            int i = message.indexOf(stop, from);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        return end;
    }

    /**
     * "paging_limit_invalid", "The limit parameter is too big", "Invalid limit", Rocket.Chat's "[error-invalid-format]":
     * {@code parameter}'s value refused, in words or a code.
     */
    static boolean refusesParameter(String message, String parameter) {
        String words = message.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).replaceAll("[_-]+", " ");
        String name = Pattern.quote(asWords(parameter));
        return Pattern.compile("(?<![\\w-])" + name + "\\b:?(?: parameter| param| value| field)?(?: is| was| has)?(?: an?)?\\s+(?:" + REFUSED
                        + "|too (?:big|large|high)|out of range|(?:exceeds?|is above) (?:the )?(?:max|maximum|limit|allowed))\\b"
                        // "Invalid limit", "invalid paging limit.", never "invalid limit order" nor "invalid top-level key"
                        + "|\\b(?:invalid|illegal|bad)\\s+(?:paging |pagination |page )?" + name + "(?:\\s+(?:parameter|param|value|field))?\\s*(?:[.,;:!)\\]\"'`]|$)"
                        // Discourse's "You supplied invalid parameters to the request: limit"
                        + "|\\binvalid param(?:eter)?s?\\b[^.;:]{0,40}:\\s*" + name + "\\s*(?:[.;]|$)")
                .matcher(words).find();
    }

    /** The path the message says an argument can only be sent to ("can only be updated via /v1/me/change_password"), if any. */
    static Optional<String> onlyVia(String message) {
        Matcher m = ONLY_VIA.matcher(message);
        return m.find() ? Optional.of(m.group(1).replaceAll("[.,;:)]+$", "")) : Optional.empty();
    }

    /** A parameter's name as a message words it: spam_check_threshold and spamCheckThreshold read "spam check threshold". */
    static String asWords(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.]+", " ").toLowerCase(Locale.ROOT).strip();
    }

    /** The docker registry's "invalid number of results requested": the size of a page refused, whatever its parameter is called. */
    private static final Pattern PAGE_SIZE_REFUSED = Pattern.compile("(?i)\\b(?:invalid|too (?:many|large|big))\\s+(?:number of (?:results|items|records|entries)"
            + "|page size|results per page)\\b");

    /** Whether the message refuses the size of a page without naming the parameter that sets it. */
    static boolean refusesPageSize(String message) {
        return PAGE_SIZE_REFUSED.matcher(message).find();
    }

    /** Whether the message allows only lower-case letters, in words or by a pattern whose classes hold a-z and never A-Z. */
    static boolean onlyLowerCase(String message) {
        return ONLY_LOWER.matcher(message).find() || patternLetters(message).equals("a-z");
    }

    /** Whether the message allows only upper-case letters, in words or by a pattern whose classes hold A-Z and never a-z. */
    static boolean onlyUpperCase(String message) {
        return ONLY_UPPER.matcher(message).find() || patternLetters(message).equals("A-Z");
    }

    /** {@code a-z} or {@code A-Z} when the character classes of the message's pattern allow letters of one case only, else empty. */
    private static String patternLetters(String message) {
        boolean lower = false;
        boolean upper = false;
        Matcher m = CHARACTER_CLASS.matcher(message);
        while (m.find()) {
            lower |= m.group(1).contains("a-z") || m.group(1).contains("\\w");
            upper |= m.group(1).contains("A-Z") || m.group(1).contains("\\w");
        }
        Matcher listed = lower || upper || CASE_INSENSITIVE.matcher(message).find() ? null : CHARACTERS_LISTED.matcher(message);
        if (listed != null && listed.find()) {
            // the list after "You can only use the following characters:" (Bitrix24's "a-z", "0-9", "-", ".")
            lower = LETTER_RANGE_LOWER.matcher(listed.group(1)).find();
            upper = LETTER_RANGE_UPPER.matcher(listed.group(1)).find();
        }
        return lower == upper ? "" : lower ? "a-z" : "A-Z";
    }

    /** The value the message gives a parameter ({@code 'ConsistencyLevel: eventual'}, {@code currency=usd}, {@code default: EUR}). */
    static Optional<String> valueFor(String message, String parameter) {
        Matcher named = Pattern.compile("(?i)\\b" + nameAsWritten(parameter) + "\\b\\s*(?:[:=]|\\bto\\b|\\bmust be\\b|\\bshould be\\b)\\s*[\"'`]?"
                + "(" + MediaTypes.REGEX + "|[A-Za-z0-9_.-]{1,40})").matcher(message);
        while (named.find()) {
            // "anthropic-version: header is required ... for example anthropic-version: 2023-06-01": a word of the sentence is no value
            String value = named.group(1).replaceAll("[.,;:]+$", "");
            if (!value.isEmpty() && !NOT_A_VALUE.contains(value.toLowerCase(Locale.ROOT))) {
                return Optional.of(value);
            }
        }
        // "Accepted values for the Content-Type header are: `application/json`": the one value there is
        Matcher sole = SOLE_ACCEPTED.matcher(message);
        // the value is the parameter's only when the phrase names no other ("for the Content-Type header" is contentType's),
        // and versions only a parameter named for one
        if (sole.find() && (sole.group(2) != null ? sole.group(2).matches("(?i)" + nameAsWritten(parameter))
                : !sole.group(1).toLowerCase(Locale.ROOT).startsWith("version") || parameter.toLowerCase(Locale.ROOT).contains("version"))) {
            return Optional.of(sole.group(3).replaceAll("[.]+$", ""));
        }
        // "Only client_credentials value is allowed for the body parameter grant_type": the one value it allows
        Matcher only = Pattern.compile("(?i)\\bonly\\s+[\"'`]?([A-Za-z0-9_.-]{1,40})[\"'`]?\\s+(?:value\\s+)?is\\s+(?:allowed|accepted|supported)\\b[^.;]{0,60}?\\b"
                + nameAsWritten(parameter) + "\\b").matcher(message);
        if (only.find()) {
            return Optional.of(only.group(1));
        }
        Matcher byDefault = Pattern.compile("(?i)\\bdefault(?:s? to|s? is|\\s*:|\\s*=| value is| value:)\\s*[\"'`]?([A-Za-z0-9_.-]{1,40})").matcher(message);
        return byDefault.find() ? Optional.of(byDefault.group(1)) : Optional.empty();
    }

    /** A parameter's name as a message may write it: {@code contentType} as {@code Content-Type}, {@code content_type} or itself. */
    private static String nameAsWritten(String parameter) {
        String[] words = parameter.split("(?<=[a-z0-9])(?=[A-Z])|[-_ ]+");
        return java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).map(Pattern::quote).collect(java.util.stream.Collectors.joining("[-_ ]?"));
    }

    /** {@code YYYY-MM-DD} to {@code yyyy-MM-dd}; {@code yyyy-mm-ddThh:mm:ssZ} to {@code yyyy-MM-dd'T'HH:mm:ssXXX}. */
    private static String javaPattern(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        int split = Math.max(lower.indexOf('t'), lower.indexOf(' '));
        String date = (split < 0 ? lower : lower.substring(0, split)).replace("mm", "MM");
        if (split < 0) {
            return date;
        }
        String time = lower.substring(split + 1).replaceAll("(z|x{1,3}|[+-]hh:?mm)$", "XXX").replace("hh", "HH");
        return date + (lower.charAt(split) == 't' ? "'T'" : " ") + time;
    }
}
