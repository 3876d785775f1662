package vn.congso.services.internal.catalogue;

import java.util.Locale;

/** The kinds of e-form fields. */
public enum FieldType {
    /** Free text. */
    TEXT,
    /** A number, read in the page's language. */
    NUMBER,
    /** A date, written as the page's language writes dates. */
    DATE,
    /** A Vietnamese phone number. */
    PHONE,
    /** An e-mail address. */
    EMAIL,
    /** A citizen identity number (12 digits) or an old identity card number (9 digits). */
    ID_NUMBER,
    /** One of a list of options. */
    CHOICE;

    /** @return the stored value */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param code a stored value
     * @return the type
     */
    public static FieldType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
