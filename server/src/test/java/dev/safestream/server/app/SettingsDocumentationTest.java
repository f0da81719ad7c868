package dev.safestream.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code serve --help}, the packaged {@code server.env} and the README's limits table describe the same settings
 * with the same defaults: the defaults are written once, in the options' annotations, and this test holds the
 * documents to them.
 */
class SettingsDocumentationTest {
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Z0-9_]+)(?::-(.*))?}");
    private static final Path ROOT = Path.of("..");
    private static final Path SERVER_ENV = ROOT.resolve("installers/src/deb/server/etc/safestream/server.env");
    private static final Path UNIT =
            ROOT.resolve("installers/src/deb/server/usr/lib/systemd/system/safestream.service");
    /** Read from the environment only, never options: named in {@code serve --help}'s footer. */
    private static final Set<String> SECRETS =
            Set.of("DATABASE_PASSWORD", "JWT_SECRET_KEY", "SAFESTREAM_ADMIN_PASSWORD", "METRICS_TOKEN");

    /** Every option's environment variable and default ({@code null}: none), from the annotations. */
    private static Map<String, String> optionDefaults() {
        Map<String, String> defaults = new TreeMap<>();
        for (Field area : ServerOptions.class.getFields()) {
            if (!area.isAnnotationPresent(CommandLine.Mixin.class)) {
                continue;
            }
            for (Field field : area.getType().getFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option == null) {
                    continue;
                }
                String name = option.names()[0];
                Matcher m = ENV_DEFAULT.matcher(option.defaultValue());
                assertThat(m.matches())
                        .as("%s names its environment variable in its default", name)
                        .isTrue();
                assertThat(String.join(" ", option.description()))
                        .as("%s's help names %s", name, m.group(1))
                        .contains(m.group(1));
                defaults.put(m.group(1), m.group(2));
            }
        }
        return defaults;
    }

    /** {@code NAME=value} lines of an EnvironmentFile-like file, commented out ({@code #NAME=}) or not. */
    private static Map<String, String> assignments(Path file, String prefix) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        Pattern line = Pattern.compile(Pattern.quote(prefix) + "([A-Z0-9_]+)=(.*)");
        for (String text : Files.readAllLines(file)) {
            Matcher m = line.matcher(text.strip());
            if (m.matches()) {
                values.put(m.group(1), m.group(2).strip());
            }
        }
        return values;
    }

    @Test
    void everyOptionReadsAnEnvironmentVariableThatItsHelpNames() {
        Map<String, String> defaults = optionDefaults();
        assertThat(defaults).containsKeys("APP_PORT", "MAX_CONNECTIONS", "PIPELINE_CAPACITY", "SAFESTREAM_DEMO");
        String help = new CommandLine(new ServeCommand()).getUsageMessage();
        assertThat(help).contains(SECRETS).contains(defaults.keySet());
    }

    @Test
    void serverEnvShowsEverySettingWithTheDefaultThePackagedServerRunsWith() throws IOException {
        Map<String, String> shown = new TreeMap<>(assignments(SERVER_ENV, "#"));
        assignments(SERVER_ENV, "").forEach(shown::put);
        Map<String, String> unit = assignments(UNIT, "Environment=");
        SoftAssertions softly = new SoftAssertions();
        optionDefaults().forEach((variable, codeDefault) -> {
            softly.assertThat(shown).as("server.env lists %s", variable).containsKey(variable);
            String packaged = unit.getOrDefault(variable, codeDefault);
            if (packaged != null && shown.containsKey(variable)) {
                softly.assertThat(shown.get(variable))
                        .as("server.env's default of %s", variable)
                        .isEqualTo(packaged);
            }
        });
        SECRETS.forEach(secret ->
                softly.assertThat(shown).as("server.env lists %s", secret).containsKey(secret));
        softly.assertAll();
    }

    @Test
    void theReadmesLimitsTableGivesTheDefaults() throws IOException {
        Map<String, String> defaults = optionDefaults();
        Pattern variable = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (String row : Files.readAllLines(ROOT.resolve("README.md"))) {
            String[] cells = row.split("\\|");
            if (cells.length != 3
                    || !cells[1].contains("`MAX_")
                            && !cells[1].contains("`LOGIN_")
                            && !cells[1].contains("`REGISTRATIONS_")
                            && !cells[1].contains("`CLIENT_")
                            && !cells[1].contains("`TRUSTED_")) {
                continue;
            }
            // "`A` (what) / `B` (what)" | "1000 / 50 (1013)"
            List<String> names = variable.matcher(cells[1])
                    .results()
                    .map(r -> r.group(1))
                    .filter(defaults::containsKey)
                    .toList();
            String[] values = cells[2].split(" / ");
            softly.assertThat(values).as("a default for each of %s", names).hasSameSizeAs(names);
            for (int i = 0; i < Math.min(names.size(), values.length); i++) {
                softly.assertThat(normalised(values[i]))
                        .as("the README's default of %s", names.get(i))
                        .isEqualTo(String.valueOf(defaults.get(names.get(i))));
                checked++;
            }
        }
        softly.assertAll();
        assertThat(checked).as("limits checked").isGreaterThanOrEqualTo(14);
    }

    /** "65,536 (1009)" → "65536"; "20 s" → "20"; "loopback" and "none" → what the options say. */
    private static String normalised(String cell) {
        String value = cell.replaceAll("\\(.*?\\)", "").replace(",", "").strip();
        return switch (value) {
            case "loopback" -> "127.0.0.1/32::1/128".replace("32::", "32,::");
            case "none" -> "null";
            default -> value.replaceAll(" s$", "");
        };
    }
}
