package ${package}.internal;

import java.util.List;

/**
 * Records and lists the entries. Every method checks the current user's permission itself and
 * throws {@link vn.congso.api.security.AccessDeniedException} without it; every change and every
 * refusal is written to the audit log.
 */
public interface EntryService {

    /** The audit action of recording an entry. */
    String AUDIT_ADD = "${pluginName}.entry.add";

    /**
     * Records an entry as the current user. Requires {@link EntryPermissions#EDIT}.
     *
     * @param title what is recorded; checked by {@link EntryRules#checkTitle}
     * @param amount how many; checked by {@link EntryRules#checkAmount}
     * @return the recorded entry
     * @throws InvalidEntryException when the title or the amount is not valid
     */
    Entry add(String title, Integer amount);

    /**
     * Whether the current user may record entries ({@link EntryPermissions#EDIT}).
     *
     * @return {@code true} when {@link #add} would not be refused for want of permission
     */
    boolean mayEdit();

    /**
     * The latest entries, newest first. Requires {@link EntryPermissions#VIEW}.
     *
     * @param limit the most entries to return
     * @return the entries
     */
    List<Entry> latest(int limit);

    /** An entry refused for its content; the message is a translation key. */
    final class InvalidEntryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param key the translation key of the problem
         */
        public InvalidEntryException(String key) {
            super(key);
        }

        /** @return the translation key of the problem */
        public String key() {
            return getMessage();
        }
    }
}
