package vn.congso.services.internal.catalogue;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonException;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.congso.api.text.Csv;
import vn.congso.api.upload.BoundedInputStream;
import vn.congso.api.upload.UploadRefusedException;

/**
 * The catalogue as a file: export of every procedure with its e-form as JSON (and of the
 * procedures' main columns as CSV), and import of such a JSON file, read within a size limit,
 * checked row by row (every invalid row with its reason) before anything is stored; the commit
 * ({@link ProcedureCatalogue#importAll}) stores all rows or none.
 *
 * <pre>
 * {"format": "congso-services-catalogue", "version": 1, "procedures": [
 *   {"code": "1.001193", "name": "…", "field": "ho-tich", "level": "commune", "interLevel": false,
 *    "legalBasis": "…", "components": "…", "fees": "…", "processingDays": 3, "result": "…",
 *    "onlineLevel": 4, "onlineClass": "full", "howTo": "…", "order": 1, "form": [ … FormJson … ]}]}
 * </pre>
 */
public final class CatalogueExchange {

    /** The value of {@code format}. */
    public static final String FORMAT = "congso-services-catalogue";
    /** The largest file accepted, enforced while it is read. */
    public static final long MAX_IMPORT_BYTES = 4L * 1024 * 1024;
    /** The most procedures one file may hold. */
    public static final int MAX_PROCEDURES = 5000;

    private static final Set<String> ATTRIBUTES = Set.of("code", "name", "field", "level", "interLevel", "legalBasis",
            "components", "fees", "feeVnd", "processingDays", "result", "onlineLevel", "onlineClass", "howTo", "order", "form");

    private CatalogueExchange() {
    }

    /** What the import will do with a row. */
    public enum Status {
        /** A procedure the catalogue does not have. */
        NEW,
        /** A procedure whose columns or form differ. */
        CHANGED,
        /** Nothing to change. */
        UNCHANGED,
        /** The row cannot be stored: nothing will be while it is in the file. */
        INVALID;

        /** @return the code used in translation keys */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One procedure of the file.
     *
     * @param index its position in the file, from 1
     * @param code its code as written (maybe empty)
     * @param procedure the procedure, when valid
     * @param form its form, when valid
     * @param status what the import will do
     * @param reason why it is invalid: a translation key and its arguments (empty otherwise)
     */
    public record Row(int index, String code, Optional<Procedure> procedure, List<FormField> form, Status status,
            String reason, List<Object> reasonArgs) {
    }

    /** A file that cannot be read at all. */
    public static final class ImportException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Object> args;

        ImportException(String key, Object... args) {
            super(key, null, false, false);
            this.args = List.of(args);
        }

        /** @return the arguments of the translation key */
        public List<Object> args() {
            return args;
        }
    }

    /**
     * @param procedures the procedures, in catalogue order
     * @param forms each one's form by code
     * @return the JSON file, UTF-8
     */
    public static byte[] exportJson(List<Procedure> procedures, Function<String, List<FormField>> forms) {
        JsonObject root = Json.createObject();
        root.put("format", FORMAT);
        root.put("version", 1);
        JsonArray list = Json.createArray();
        for (Procedure p : procedures) {
            JsonObject o = Json.createObject();
            o.put("code", p.code());
            o.put("name", p.name());
            o.put("field", p.field());
            o.put("level", p.level().code());
            o.put("interLevel", p.interLevel());
            o.put("legalBasis", p.legalBasis());
            o.put("components", p.components());
            o.put("fees", p.fees());
            o.put("feeVnd", p.feeVnd());
            o.put("processingDays", p.processingDays());
            o.put("result", p.result());
            o.put("onlineLevel", p.onlineLevel());
            o.put("onlineClass", p.onlineClass().code());
            o.put("howTo", p.howTo());
            o.put("order", p.order());
            o.put("form", FormJson.write(forms.apply(p.code())));
            list.set(list.length(), o);
        }
        root.put("procedures", list);
        return root.toJson().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param procedures the procedures
     * @param t the page's texts (column headers, fields, levels)
     * @return the CSV of their main columns
     */
    public static byte[] exportCsv(List<Procedure> procedures, Function<String, String> t) {
        Csv csv = new Csv();
        csv.row(t.apply("services.export.code"), t.apply("services.export.name"), t.apply("services.export.field"),
                t.apply("services.export.level"), t.apply("services.export.inter-level"),
                t.apply("services.export.processing-days"), t.apply("services.export.online-level"),
                t.apply("services.export.online-class"), t.apply("services.export.fees"), t.apply("services.export.fee-vnd"));
        for (Procedure p : procedures) {
            csv.row(p.code(), p.name(), t.apply("services.field." + p.field()), t.apply("services.level." + p.level().code()),
                    t.apply(p.interLevel() ? "services.export.yes" : "services.export.no"),
                    String.valueOf(p.processingDays()), String.valueOf(p.onlineLevel()),
                    t.apply("services.online-class." + p.onlineClass().code()), p.fees(), String.valueOf(p.feeVnd()));
        }
        return csv.bytes();
    }

    /**
     * Reads a file and compares every row with the catalogue.
     *
     * @param in the file; at most {@link #MAX_IMPORT_BYTES} are read
     * @param existing the catalogue's procedure with that code, if any
     * @param existingForm the catalogue's form of a code
     * @return every row, in file order
     * @throws ImportException when the file is too large, not UTF-8 JSON or not a catalogue
     */
    public static List<Row> read(InputStream in, Function<String, Optional<Procedure>> existing,
            Function<String, List<FormField>> existingForm) throws ImportException {
        String text;
        try (InputStream bounded = new BoundedInputStream(in, MAX_IMPORT_BYTES)) {
            byte[] bytes = bounded.readAllBytes();
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (UploadRefusedException e) {
            throw new ImportException("services.import.error.too-large", MAX_IMPORT_BYTES / (1024 * 1024));
        } catch (CharacterCodingException e) {
            throw new ImportException("services.import.error.json");
        } catch (IOException e) {
            throw new ImportException("services.import.error.unreadable");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonValue root;
        try {
            root = Json.instance().parse(text);
        } catch (JsonException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ImportException("services.import.error.json");
        }
        if (root == null || root.getType() != JsonType.OBJECT) {
            throw new ImportException("services.import.error.format");
        }
        JsonObject o = (JsonObject) root;
        if (!o.hasKey("format") || o.get("format").getType() != JsonType.STRING || !FORMAT.equals(o.getString("format"))
                || !o.hasKey("version") || o.get("version").getType() != JsonType.NUMBER || o.getNumber("version") != 1
                || !o.hasKey("procedures") || o.get("procedures").getType() != JsonType.ARRAY) {
            throw new ImportException("services.import.error.format");
        }
        JsonArray list = o.getArray("procedures");
        if (list.length() > MAX_PROCEDURES) {
            throw new ImportException("services.import.error.too-many", MAX_PROCEDURES);
        }
        List<Row> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.length(); i++) {
            JsonValue item = list.get(i);
            String code = item.getType() == JsonType.OBJECT && ((JsonObject) item).hasKey("code")
                    && ((JsonObject) item).get("code").getType() == JsonType.STRING ? ((JsonObject) item).getString("code") : "";
            try {
                if (item.getType() != JsonType.OBJECT) {
                    throw new FormJson.FormJsonException("services.import.error.row");
                }
                Procedure p = procedure((JsonObject) item);
                List<FormField> form = FormJson.read(((JsonObject) item).hasKey("form") ? ((JsonObject) item).get("form")
                        : Json.createArray());
                if (!codes.add(p.code())) {
                    throw new FormJson.FormJsonException("services.import.error.duplicate", p.code());
                }
                Optional<Procedure> old = existing.apply(p.code());
                Status status = old.isEmpty() ? Status.NEW
                        : old.get().equals(p) && existingForm.apply(p.code()).equals(form) ? Status.UNCHANGED : Status.CHANGED;
                rows.add(new Row(i + 1, code, Optional.of(p), form, status, "", List.of()));
            } catch (FormJson.FormJsonException e) {
                rows.add(new Row(i + 1, code, Optional.empty(), List.of(), Status.INVALID, e.getMessage(), e.args()));
            }
        }
        return rows;
    }

    private static Procedure procedure(JsonObject o) throws FormJson.FormJsonException {
        for (String k : o.keys()) {
            if (!ATTRIBUTES.contains(k)) {
                throw new FormJson.FormJsonException("services.import.error.attribute", k);
            }
        }
        String code = text(o, "code", 32, true);
        if (!code.matches("[0-9A-Za-z][0-9A-Za-z.\\-]{0,31}")) {
            throw new FormJson.FormJsonException("services.import.error.code", code);
        }
        String field = text(o, "field", 40, true);
        if (!ProcedureCatalogue.FIELDS.contains(field)) {
            throw new FormJson.FormJsonException("services.import.error.value", "field", field);
        }
        String level = text(o, "level", 10, true);
        String onlineClass = text(o, "onlineClass", 10, true);
        Procedure.Level lvl = switch (level) {
            case "commune" -> Procedure.Level.COMMUNE;
            case "district" -> Procedure.Level.DISTRICT;
            default -> throw new FormJson.FormJsonException("services.import.error.value", "level", level);
        };
        Procedure.OnlineClass cls = switch (onlineClass) {
            case "full" -> Procedure.OnlineClass.FULL;
            case "partial" -> Procedure.OnlineClass.PARTIAL;
            default -> throw new FormJson.FormJsonException("services.import.error.value", "onlineClass", onlineClass);
        };
        int days = whole(o, "processingDays", 0, 365);
        int onlineLevel = whole(o, "onlineLevel", 2, 4);
        int order = o.hasKey("order") ? whole(o, "order", 0, 1_000_000) : 0;
        boolean inter = false;
        if (o.hasKey("interLevel")) {
            if (o.get("interLevel").getType() != JsonType.BOOLEAN) {
                throw new FormJson.FormJsonException("services.import.error.value", "interLevel", o.get("interLevel").toJson());
            }
            inter = o.getBoolean("interLevel");
        }
        String name = text(o, "name", 500, true);
        if (name.isBlank()) {
            throw new FormJson.FormJsonException("services.import.error.missing", "name");
        }
        String fees = text(o, "fees", 1000, false);
        // A file written before the amount existed: the amount its text names, as the database's own migration.
        long feeVnd = o.hasKey("feeVnd") ? amount(o, "feeVnd") : Fees.amountIn(fees);
        return new Procedure(code, name.strip(), field, lvl, inter, text(o, "legalBasis", 2000, false),
                text(o, "components", 4000, false), fees, feeVnd, days, text(o, "result", 1000, false),
                onlineLevel, cls, text(o, "howTo", 4000, false), order);
    }

    private static String text(JsonObject o, String name, int max, boolean required) throws FormJson.FormJsonException {
        if (!o.hasKey(name) || o.get(name).getType() == JsonType.NULL) {
            if (required) {
                throw new FormJson.FormJsonException("services.import.error.missing", name);
            }
            return "";
        }
        if (o.get(name).getType() != JsonType.STRING) {
            throw new FormJson.FormJsonException("services.import.error.value", name, o.get(name).toJson());
        }
        String value = o.getString(name);
        if (value.length() > max) {
            throw new FormJson.FormJsonException("services.import.error.long", name, max);
        }
        return value;
    }

    /** A whole number of đồng, 0 to {@link Fees#MAX}, written as a JSON number. */
    private static long amount(JsonObject o, String name) throws FormJson.FormJsonException {
        double n = o.get(name).getType() == JsonType.NUMBER ? o.getNumber(name) : Double.NaN;
        if (Double.isNaN(n) || n != Math.rint(n) || n < 0 || n > Fees.MAX) {
            throw new FormJson.FormJsonException("services.import.error.fee", o.get(name).toJson(), Fees.MAX);
        }
        return (long) n;
    }

    private static int whole(JsonObject o, String name, int min, int max) throws FormJson.FormJsonException {
        if (!o.hasKey(name)) {
            throw new FormJson.FormJsonException("services.import.error.missing", name);
        }
        double n = o.get(name).getType() == JsonType.NUMBER ? o.getNumber(name) : Double.NaN;
        if (Double.isNaN(n) || n != Math.rint(n) || n < min || n > max) {
            throw new FormJson.FormJsonException("services.import.error.value", name, o.get(name).toJson());
        }
        return (int) n;
    }

    /**
     * @param rows the rows read
     * @return how many of each status
     */
    public static Map<Status, Long> counts(List<Row> rows) {
        Map<Status, Long> counts = new java.util.EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, rows.stream().filter(r -> r.status() == s).count());
        }
        return counts;
    }
}
