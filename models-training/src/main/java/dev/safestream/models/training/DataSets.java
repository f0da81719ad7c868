package dev.safestream.models.training;

import static dev.safestream.models.Heads.HATE;
import static dev.safestream.models.Heads.INSULT;
import static dev.safestream.models.Heads.OBSCENE;
import static dev.safestream.models.Heads.OFFENSIVE;
import static dev.safestream.models.Heads.THREAT;
import static dev.safestream.models.Heads.TOXIC;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.safestream.models.Heads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the four labelled sources of {@code ../shared/data} and maps each onto the heads it actually labels. The
 * sources define different things (offensive tweets, hate against two target groups, toxic Wikipedia comments), so
 * nothing is merged blindly: a head a source does not label is left unknown for its examples.
 *
 * <ul>
 *   <li>Davidson: hate → toxic, offensive, hate; offensive → toxic, offensive, not hate; neither → all three 0.
 *   <li>OLID subtask A: OFF → toxic, offensive; NOT → toxic, offensive and hate 0.
 *   <li>TweetEval hate: 1 → toxic, offensive, hate; 0 → hate 0 only (a non-hateful tweet may still be offensive).
 *   <li>Jigsaw: toxic (or severe_toxic), insult, obscene, threat, identity_hate → hate; offensive left unknown.
 * </ul>
 */
public final class DataSets {
    public static final String DAVIDSON = "davidson";
    public static final String OLID = "olid";
    public static final String TWEETEVAL_HATE = "tweeteval_hate";
    public static final String JIGSAW = "jigsaw";
    public static final List<String> SOURCES = List.of(DAVIDSON, OLID, TWEETEVAL_HATE, JIGSAW);

    private DataSets() {}

    public static List<Example> load(Path dataDir) {
        List<Example> all = new ArrayList<>();
        all.addAll(davidson(dataDir.resolve("davidson/labeled_data.csv")));
        all.addAll(olid(dataDir.resolve("olid/olid-training-v1.0.tsv")));
        all.addAll(tweetEval(dataDir.resolve("tweeteval_hate"), "train"));
        all.addAll(tweetEval(dataDir.resolve("tweeteval_hate"), "val"));
        all.addAll(jigsaw(dataDir.resolve("jigsaw_sample/train.csv")));
        return all;
    }

    static List<Example> davidson(Path csv) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> row : csvRows(csv)) {
            int cls = Integer.parseInt(row.get("class"));
            out.add(example(row.get("tweet"), DAVIDSON, Map.of(TOXIC, cls != 2, OFFENSIVE, cls != 2, HATE, cls == 0)));
        }
        return out;
    }

    static List<Example> olid(Path tsv) {
        List<Example> out = new ArrayList<>();
        List<String> lines = lines(tsv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t", -1);
            boolean offensive = cols[2].equals("OFF");
            out.add(
                    offensive
                            ? example(cols[1], OLID, Map.of(TOXIC, true, OFFENSIVE, true))
                            : example(cols[1], OLID, Map.of(TOXIC, false, OFFENSIVE, false, HATE, false)));
        }
        return out;
    }

    static List<Example> tweetEval(Path dir, String split) {
        List<String> texts = lines(dir.resolve(split + "_text.txt"));
        List<String> labels = lines(dir.resolve(split + "_labels.txt"));
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            boolean hate = labels.get(i).trim().equals("1");
            out.add(
                    hate
                            ? example(texts.get(i), TWEETEVAL_HATE, Map.of(TOXIC, true, OFFENSIVE, true, HATE, true))
                            : example(texts.get(i), TWEETEVAL_HATE, Map.of(HATE, false)));
        }
        return out;
    }

    static List<Example> jigsaw(Path csv) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> row : csvRows(csv)) {
            out.add(example(
                    row.get("comment_text"),
                    JIGSAW,
                    Map.of(
                            TOXIC, flag(row, "toxic") || flag(row, "severe_toxic"),
                            INSULT, flag(row, "insult"),
                            OBSCENE, flag(row, "obscene"),
                            THREAT, flag(row, "threat"),
                            HATE, flag(row, "identity_hate"))));
        }
        return out;
    }

    static Example example(String text, String source, Map<String, Boolean> labels) {
        float[] values = Example.unlabelled();
        labels.forEach((head, positive) -> values[Heads.index(head)] = positive ? 1f : 0f);
        return new Example(text, source, values);
    }

    private static boolean flag(Map<String, String> row, String column) {
        return "1".equals(row.get(column));
    }

    private static List<Map<String, String>> csvRows(Path csv) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows =
                mapper.readerForMapOf(String.class).with(schema).readValues(csv.toFile())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + csv, e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
