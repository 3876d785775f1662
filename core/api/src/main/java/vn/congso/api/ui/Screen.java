package vn.congso.api.ui;

import com.vaadin.flow.component.Component;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One screen of a plugin: its route, how it is listed, who may open it, and how its view is
 * made. Declared in one expression,
 *
 * <pre>{@code
 * Screen.route("notices/notice").title("notices.nav.notice").icon("vaadin:bell")
 *         .group("notices").order(11).permission("notices:notice:read").hidden()
 *         .view(NoticeView.class, () -> new NoticeView(notices, directory))
 * }</pre>
 *
 * <p>{@link Builder#view} ties the view class the router recognises to the factory that makes
 * it: the factory must return that class (or a subclass), checked by the compiler. A view that
 * takes a route parameter implements Vaadin's {@code HasUrlParameter} as usual; a screen without
 * {@link Builder#permission} is public (anonymous visitors may open it).
 *
 * @param <V> the view class
 */
public final class Screen<V extends Component> {

    private final String route;
    private final String titleKey;
    private final String descriptionKey;
    private final String icon;
    private final String group;
    private final int order;
    private final String permission;
    private final boolean inNavigation;
    private final Class<V> viewType;
    private final Supplier<? extends V> factory;

    private Screen(Builder builder, Class<V> viewType, Supplier<? extends V> factory) {
        this.route = builder.route;
        this.titleKey = builder.titleKey;
        this.descriptionKey = builder.descriptionKey;
        this.icon = builder.icon;
        this.group = builder.group;
        this.order = builder.order;
        this.permission = builder.permission;
        this.inNavigation = builder.inNavigation;
        this.viewType = viewType;
        this.factory = factory;
    }

    /**
     * Starts a screen.
     *
     * @param route the route path relative to the application root, without a leading slash,
     *        for example {@code "services/procedures"}; unique among the active screens
     * @return a builder
     */
    public static Builder route(String route) {
        return new Builder(route);
    }

    /** @return the route path */
    public String route() {
        return route;
    }

    /** @return the translation key of the title shown in the navigation, the home page and the tab */
    public String titleKey() {
        return titleKey;
    }

    /** @return the translation key of a one-sentence description for the home page, or empty */
    public Optional<String> descriptionKey() {
        return Optional.ofNullable(descriptionKey);
    }

    /** @return the Vaadin icon name, such as {@code "vaadin:book"} */
    public String icon() {
        return icon;
    }

    /** @return the navigation group id; empty for a screen kept out of the navigation without a group */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** @return the position within the group; lower comes first, ties ordered by route */
    public int order() {
        return order;
    }

    /** @return the permission a user needs (Shiro wildcard syntax), or empty for a public screen */
    public Optional<String> permission() {
        return Optional.ofNullable(permission);
    }

    /** @return whether the screen is listed in the side navigation */
    public boolean inNavigation() {
        return inNavigation;
    }

    /** @return the view class the router recognises */
    public Class<V> viewType() {
        return viewType;
    }

    /**
     * Makes a new view for one navigation.
     *
     * @return a new view
     */
    public V createView() {
        V view = factory.get();
        if (view == null) {
            throw new IllegalStateException("the view factory of '" + route + "' returned null");
        }
        return viewType.cast(view);
    }

    @Override
    public String toString() {
        return "Screen[" + route + " -> " + viewType.getName() + "]";
    }

    /** The metadata of a screen under construction; {@link #view} completes it. */
    public static final class Builder {
        private final String route;
        private String titleKey;
        private String descriptionKey;
        private String icon = "vaadin:file-o";
        private String group;
        private int order = 100;
        private String permission;
        private boolean inNavigation = true;

        private Builder(String route) {
            this.route = Objects.requireNonNull(route, "route");
        }

        /**
         * @param key translation key of the title (required)
         * @return this builder
         */
        public Builder title(String key) {
            this.titleKey = Objects.requireNonNull(key, "title");
            return this;
        }

        /**
         * @param key translation key of a one-sentence description shown on the home page
         * @return this builder
         */
        public Builder description(String key) {
            this.descriptionKey = Objects.requireNonNull(key, "description");
            return this;
        }

        /**
         * @param name a Vaadin icon name such as {@code "vaadin:book"}; default {@code vaadin:file-o}
         * @return this builder
         */
        public Builder icon(String name) {
            this.icon = Objects.requireNonNull(name, "icon");
            return this;
        }

        /**
         * @param id the id of a core group ({@link NavigationGroup#ADMINISTRATION}) or of one the
         *        plugin declares in {@link ScreenProvider#groups()}
         * @return this builder
         */
        public Builder group(String id) {
            this.group = Objects.requireNonNull(id, "group");
            return this;
        }

        /**
         * @param navigationGroup a navigation group
         * @return this builder
         */
        public Builder group(NavigationGroup navigationGroup) {
            return group(navigationGroup.id());
        }

        /**
         * @param position the position within the group; default 100
         * @return this builder
         */
        public Builder order(int position) {
            this.order = position;
            return this;
        }

        /**
         * @param required the permission a user needs to see and open the screen, such as
         *        {@code "notices:notice:edit"}; without it the screen is public
         * @return this builder
         */
        public Builder permission(String required) {
            this.permission = Objects.requireNonNull(required, "permission").isBlank() ? null : required;
            return this;
        }

        /**
         * Keeps the screen out of the side navigation: a detail page reached by links.
         *
         * @return this builder
         */
        public Builder hidden() {
            this.inNavigation = false;
            return this;
        }

        /**
         * Completes the screen with its view.
         *
         * @param <V> the view class
         * @param viewType the view class the router recognises
         * @param factory makes a new view for each navigation, typically a constructor call with
         *        the services the provider was given
         * @return the screen
         * @throws IllegalStateException when the title is missing, or a listed screen has no group
         */
        public <V extends Component> Screen<V> view(Class<V> viewType, Supplier<? extends V> factory) {
            Objects.requireNonNull(viewType, "viewType");
            Objects.requireNonNull(factory, "factory");
            if (titleKey == null) {
                throw new IllegalStateException("screen '" + route + "' has no title");
            }
            if (inNavigation && group == null) {
                throw new IllegalStateException("screen '" + route + "' is listed in the navigation but has no group");
            }
            return new Screen<>(this, viewType, factory);
        }
    }
}
