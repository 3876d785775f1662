package vn.congso.services.internal.catalogue;

import java.util.List;
import java.util.Optional;

/** The procedure catalogue: public to read, changed only with {@code services:catalogue:manage}. */
public interface ProcedureCatalogue {

    /** The fields of the catalogue, in their display order (keys of {@code services.field.*}). */
    List<String> FIELDS = List.of("ho-tich", "chung-thuc", "dat-dai", "xay-dung", "ho-kinh-doanh", "bao-tro-xa-hoi",
            "nguoi-co-cong", "giao-duc", "tu-phap", "moi-truong", "nong-nghiep", "van-hoa");

    /**
     * A search of the catalogue; empty parts match everything.
     *
     * @param query words, tone-insensitive
     * @param field a field key
     * @param level the settling level
     * @param onlineLevel the legacy online level
     * @param onlineClass Decree 42's class
     */
    record Filter(String query, Optional<String> field, Optional<Procedure.Level> level, Optional<Integer> onlineLevel,
            Optional<Procedure.OnlineClass> onlineClass) {
        /** Everything. */
        public static final Filter ALL = new Filter("", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        /** @param words the words @return a filter on the words only */
        public static Filter words(String words) {
            return new Filter(words, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * @param filter what to match
     * @param limit the most to return
     * @return the matching procedures, in catalogue order
     */
    List<Procedure> find(Filter filter, int limit);

    /**
     * @param filter what to match
     * @return how many match
     */
    int count(Filter filter);

    /**
     * @param code a procedure code
     * @return the procedure
     */
    Optional<Procedure> get(String code);

    /**
     * @param code a procedure code
     * @return its e-form's fields, in order (empty when it has no e-form of its own)
     */
    List<FormField> form(String code);

    /**
     * Adds or replaces a procedure and its e-form, all or nothing. Requires
     * {@code services:catalogue:manage}.
     *
     * @param procedure the procedure
     * @param form its e-form
     */
    void save(Procedure procedure, List<FormField> form);

    /**
     * Sets the fee a payment collects, as a catalogue administrator.
     *
     * @param code the procedure
     * @param feeVnd whole đồng, 0 to {@link Fees#MAX}
     * @return the procedure as saved
     * @throws vn.congso.api.security.AccessDeniedException without {@code services:catalogue:manage}
     * @throws IllegalArgumentException for an amount out of range or an unknown procedure
     */
    Procedure setFee(String code, long feeVnd);

    /**
     * Adds many procedures at once without e-forms, all or nothing (the demo catalogue).
     * Requires {@code services:catalogue:manage}.
     *
     * @param procedures the procedures
     */
    void saveAll(List<Procedure> procedures);

    /**
     * The form a dossier was filled in with: the version in force at that moment (the earliest
     * known version for a moment before it, the current form when no version was ever saved).
     *
     * @param code a procedure code
     * @param when when the dossier was submitted
     * @return the fields, in order
     */
    List<FormField> formAt(String code, java.time.Instant when);

    /**
     * Replaces a procedure's e-form in one transaction, keeping the previous version for the
     * dossiers filled in with it; audited. Requires {@code services:catalogue:manage}.
     *
     * @param code an existing procedure's code
     * @param form the fields, checked by {@link FormDesign}
     * @throws IllegalArgumentException ({@code services.designer.error.procedure}) for an unknown procedure
     */
    void saveForm(String code, List<FormField> form);

    /**
     * Stores the rows of an import file, all or nothing, in one transaction, keeping the previous
     * form versions for submitted dossiers; audited. Requires {@code services:catalogue:manage}.
     *
     * @param rows the rows read by {@link CatalogueExchange#read}
     * @return how many rows of each status
     * @throws IllegalArgumentException ({@code services.import.error.invalid-rows}) when any row is invalid
     */
    java.util.Map<CatalogueExchange.Status, Long> importAll(List<CatalogueExchange.Row> rows);
}
