package vn.congso.security.internal.ui;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import vn.congso.api.audit.AuditLog;

/**
 * How an audit entry reads in the reader's language: its action through the key
 * {@code audit.action.<action>} of whichever bundle recorded it, its detail through the
 * message's key and arguments. What has no translation (an entry written before details were
 * messages, or by a plugin since removed) is shown exactly as stored, never as {@code !key!}.
 */
final class AuditTexts {

    private static final String ACTION_PREFIX = "audit.action.";

    private final Predicate<String> has;
    private final BiFunction<String, Object[], String> t;

    /**
     * @param has whether a key has a text
     * @param t translates a key with arguments
     */
    AuditTexts(Predicate<String> has, BiFunction<String, Object[], String> t) {
        this.has = has;
        this.t = t;
    }

    /** The action's name in the reader's language, or the action as stored. */
    String action(String action) {
        String key = ACTION_PREFIX + action;
        return has.test(key) ? t.apply(key, new Object[0]) : action;
    }

    /** The detail in the reader's language, or as stored. */
    String detail(AuditLog.Entry entry) {
        return entry.message().filter(message -> has.test(message.key()))
                .map(message -> t.apply(message.key(), arguments(message.args())))
                .orElse(entry.detail());
    }

    /** Whole numbers go in as numbers, so that a text can choose its plural ({@code {0,choice,…}}). */
    private static Object[] arguments(List<String> args) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            String arg = args.get(i);
            values[i] = arg.matches("-?\\d{1,18}") ? (Object) Long.valueOf(arg) : arg;
        }
        return values;
    }
}
