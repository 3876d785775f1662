package vn.congso.publishing.internal.article;

import java.util.List;

/** A refusal a person can read: a translation key and its arguments. */
public final class ArticleException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient List<Object> args;

    /**
     * @param key translation key
     * @param args its arguments
     */
    public ArticleException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    /** @return the translation key */
    public String key() {
        return key;
    }

    /** @return its arguments */
    public Object[] args() {
        return args.toArray();
    }
}
