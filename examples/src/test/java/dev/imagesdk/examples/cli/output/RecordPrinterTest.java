package dev.imagesdk.examples.cli.output;

import com.squareup.moshi.Moshi;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecordPrinterTest {
    private final List<Record> records = List.of(
            Record.of().put("id", "a1").put("name", "alpha").put("size", 1024L).put("tags", List.of("x", "y"))
                    .put("owner", null).put("created_at", Instant.parse("2026-11-22T12:50:30Z")).put("protected", true),
            Record.of().put("id", "b22").put("name", "yes").put("size", null).put("tags", List.of())
                    .put("owner", "p").put("created_at", Instant.parse("2026-11-22T12:50:31Z")).put("protected", false));

    private static String print(OutputFormat f, List<Record> rs, List<String> cols) {
        StringWriter sw = new StringWriter();
        new RecordPrinter(f).printList(rs, cols, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void tabulatedAlignsColumnsShowsNullAsDashAndRightAlignsNumbers() {
        String out = print(OutputFormat.TABULATED, records, List.of("id", "name", "size", "owner", "tags"));
        assertThat(out).isEqualTo(""
                + "id   name   size  owner  tags\n"
                + "---  -----  ----  -----  ----\n"
                + "a1   alpha  1024  -      x,y\n"
                + "b22  yes       -  p\n");
    }

    @Test
    void tabulatedWithoutColumnsShowsEveryField() {
        String out = print(OutputFormat.TABULATED, records.subList(0, 1), List.of());
        assertThat(out.lines().findFirst().orElseThrow())
                .isEqualTo("id  name   size  tags  owner  created_at            protected");
    }

    @Test
    void emptyListingsAreValidInEveryFormat() {
        assertThat(print(OutputFormat.JSON, List.of(), List.of())).isEqualTo("[]\n");
        assertThat((Object) new Yaml().load(print(OutputFormat.YAML, List.of(), List.of()))).isEqualTo(List.of());
        assertThat(print(OutputFormat.TABULATED, List.of(), List.of("a", "bb"))).isEqualTo("a  bb\n-  --\n");
    }

    @Test
    void jsonAndYamlParseBackToTheSameRecords() throws Exception {
        Object json = new Moshi.Builder().build().adapter(Object.class)
                .fromJson(print(OutputFormat.JSON, records, List.of()));
        Object yaml = new Yaml().load(print(OutputFormat.YAML, records, List.of()));
        List<Map<String, Object>> expected = records.stream().map(Record::fields).toList();
        assertThat(Normalize.numbers(json)).isEqualTo(Normalize.numbers(expected));
        assertThat(Normalize.numbers(yaml)).isEqualTo(Normalize.numbers(expected));
        // strings that look like other YAML types stay strings
        assertThat(print(OutputFormat.YAML, records, List.of())).contains("name: 'yes'");
    }

    @Test
    void singleRecordAsFieldValueTableOrObject() {
        Record r = Record.of().put("id", "a1").put("checksum", null).put("tags", List.of("t"));
        StringWriter sw = new StringWriter();
        new RecordPrinter(OutputFormat.TABULATED).printOne(r, new PrintWriter(sw));
        assertThat(sw.toString()).isEqualTo(""
                + "field     value\n"
                + "--------  -----\n"
                + "id        a1\n"
                + "checksum  -\n"
                + "tags      t\n");
        StringWriter js = new StringWriter();
        new RecordPrinter(OutputFormat.JSON).printOne(r, new PrintWriter(js));
        assertThat(js.toString()).isEqualTo("{\n  \"id\": \"a1\",\n  \"checksum\": null,\n  \"tags\": [\n    \"t\"\n  ]\n}\n");
        StringWriter ys = new StringWriter();
        new RecordPrinter(OutputFormat.YAML).printOne(r, new PrintWriter(ys));
        assertThat(ys.toString()).isEqualTo("id: a1\nchecksum: null\ntags:\n- t\n");
    }

    @Test
    void formatNamesParseCaseInsensitively() {
        assertThat(OutputFormat.parse("YAML")).isEqualTo(OutputFormat.YAML);
        assertThat(OutputFormat.JSON.toString()).isEqualTo("json");
    }
}
