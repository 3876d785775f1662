package vn.congso.api;

import java.util.Locale;
import java.util.Objects;

/** {@link CurrentUser#anonymous}: not signed in and permitted nothing. */
record AnonymousVisitor(Locale locale) implements CurrentUser {

    AnonymousVisitor {
        Objects.requireNonNull(locale, "locale");
    }

    @Override
    public String id() {
        return CurrentUserService.ANONYMOUS_ID;
    }

    @Override
    public String displayName() {
        return "";
    }

    @Override
    public boolean isAuthenticated() {
        return false;
    }

    @Override
    public boolean isPermitted(String permission) {
        return false;
    }
}
