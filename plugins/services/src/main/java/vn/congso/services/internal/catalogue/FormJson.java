package vn.congso.services.internal.catalogue;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An e-form as JSON, for the form's saved versions and the catalogue's export and import: an
 * array of objects with {@code key, label, labelEn, type, required, maxLength, min, max, choices,
 * help, helpEn, pattern, patternSample}; numbers as plain decimal strings (never floating point).
 * Reading checks every field as the designer does ({@link FormDesign}).
 */
public final class FormJson {

    /** The attributes a field object may have. */
    static final Set<String> ATTRIBUTES = Set.of("key", "label", "labelEn", "type", "required", "maxLength", "min", "max",
            "choices", "help", "helpEn", "pattern", "patternSample");

    private FormJson() {
    }

    /**
     * @param form the fields
     * @return them as a JSON array
     */
    public static JsonArray write(List<FormField> form) {
        JsonArray out = Json.createArray();
        for (FormField f : form) {
            JsonObject o = Json.createObject();
            o.put("key", f.key());
            o.put("label", f.label());
            o.put("labelEn", f.labelEn());
            o.put("type", f.type().code());
            o.put("required", f.required());
            o.put("maxLength", f.maxLength());
            f.min().ifPresent(v -> o.put("min", v.stripTrailingZeros().toPlainString()));
            f.max().ifPresent(v -> o.put("max", v.stripTrailingZeros().toPlainString()));
            JsonArray choices = Json.createArray();
            for (String c : f.choices()) {
                choices.set(choices.length(), c);
            }
            o.put("choices", choices);
            o.put("help", f.help());
            o.put("helpEn", f.helpEn());
            o.put("pattern", f.pattern());
            o.put("patternSample", f.patternSample());
            out.set(out.length(), o);
        }
        return out;
    }

    /** A form that cannot be read: the reason as a translation key and its arguments. */
    public static final class FormJsonException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Object> args;

        FormJsonException(String key, Object... args) {
            super(key, null, false, false);
            this.args = List.of(args);
        }

        /** @return the arguments of the translation key */
        public List<Object> args() {
            return args;
        }
    }

    /**
     * @param value a JSON array of field objects
     * @return the fields
     * @throws FormJsonException when it is not such an array or a field is invalid (naming the field)
     */
    public static List<FormField> read(JsonValue value) throws FormJsonException {
        if (value == null || value.getType() != JsonType.ARRAY) {
            throw new FormJsonException("services.import.error.form");
        }
        JsonArray array = (JsonArray) value;
        List<FormDesign.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            final int row = i + 1;
            JsonValue item = array.get(i);
            if (item.getType() != JsonType.OBJECT) {
                throw new FormJsonException("services.import.error.form");
            }
            JsonObject o = (JsonObject) item;
            for (String k : o.keys()) {
                if (!ATTRIBUTES.contains(k)) {
                    throw new FormJsonException("services.import.error.field-attribute", i + 1, k);
                }
            }
            FormDesign.Draft d = new FormDesign.Draft();
            d.key = text(o, "key", i, true);
            d.label = text(o, "label", i, true);
            d.labelEn = text(o, "labelEn", i, false);
            String type = text(o, "type", i, true);
            d.type = java.util.Arrays.stream(FieldType.values()).filter(t -> t.code().equals(type)).findFirst()
                    .orElseThrow(() -> new FormJsonException("services.import.error.field-type", row, type));
            d.required = bool(o, "required", i);
            d.maxLength = whole(o, "maxLength", i);
            d.min = text(o, "min", i, false);
            d.max = text(o, "max", i, false);
            d.choices = String.join("\n", strings(o, "choices", i));
            d.help = text(o, "help", i, false);
            d.helpEn = text(o, "helpEn", i, false);
            d.pattern = text(o, "pattern", i, false);
            d.patternSample = text(o, "patternSample", i, false);
            drafts.add(d);
        }
        FormDesign.Result result = FormDesign.build(drafts, Locale.ENGLISH);
        if (!result.ok()) {
            var first = result.errors().entrySet().iterator().next();
            var problem = first.getValue().entrySet().iterator().next();
            String key = first.getKey() >= 0 ? drafts.get(first.getKey()).key : "";
            throw new FormJsonException("services.import.error.field", key, problem.getKey(), problem.getValue());
        }
        return result.fields();
    }

    private static String text(JsonObject o, String name, int index, boolean required) throws FormJsonException {
        if (!o.hasKey(name) || o.get(name).getType() == JsonType.NULL) {
            if (required) {
                throw new FormJsonException("services.import.error.field-missing", index + 1, name);
            }
            return "";
        }
        if (o.get(name).getType() != JsonType.STRING) {
            throw new FormJsonException("services.import.error.field-value", index + 1, name);
        }
        return o.getString(name);
    }

    private static boolean bool(JsonObject o, String name, int index) throws FormJsonException {
        if (!o.hasKey(name)) {
            return false;
        }
        if (o.get(name).getType() != JsonType.BOOLEAN) {
            throw new FormJsonException("services.import.error.field-value", index + 1, name);
        }
        return o.getBoolean(name);
    }

    private static Integer whole(JsonObject o, String name, int index) throws FormJsonException {
        if (!o.hasKey(name)) {
            return 200;
        }
        double n = o.get(name).getType() == JsonType.NUMBER ? o.getNumber(name) : Double.NaN;
        if (Double.isNaN(n) || n != Math.rint(n) || Math.abs(n) > Integer.MAX_VALUE) {
            throw new FormJsonException("services.import.error.field-value", index + 1, name);
        }
        return (int) n;
    }

    private static List<String> strings(JsonObject o, String name, int index) throws FormJsonException {
        List<String> out = new ArrayList<>();
        if (!o.hasKey(name)) {
            return out;
        }
        if (o.get(name).getType() != JsonType.ARRAY) {
            throw new FormJsonException("services.import.error.field-value", index + 1, name);
        }
        JsonArray a = o.getArray(name);
        for (int i = 0; i < a.length(); i++) {
            if (a.get(i).getType() != JsonType.STRING || a.getString(i).contains("\n")) {
                throw new FormJsonException("services.import.error.field-value", index + 1, name);
            }
            out.add(a.getString(i));
        }
        return out;
    }
}
