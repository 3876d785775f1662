package vn.congso.admin.internal.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;
import vn.congso.api.security.RunAs;
import vn.congso.api.security.UserDirectory;

/** Platform services for the dashboard's tests: users per thread, the bundle's real texts, two units. */
final class Fakes {

    private Fakes() {
    }

    record User(String id, Set<String> permissions) implements CurrentUser {
        @Override
        public String displayName() {
            return id;
        }

        @Override
        public Locale locale() {
            return TranslationService.VIETNAMESE;
        }

        @Override
        public boolean isAuthenticated() {
            return !id.equals(CurrentUserService.ANONYMOUS_ID);
        }

        @Override
        public boolean isPermitted(String permission) {
            return permissions.contains("*") || permissions.contains(permission);
        }
    }

    /** The current user per thread, and RunAs over it. */
    static final class Users implements CurrentUserService, RunAs {
        static final User ANONYMOUS = new User(ANONYMOUS_ID, Set.of());
        private final ThreadLocal<User> current = new ThreadLocal<>();

        @Override
        public CurrentUser current() {
            User user = current.get();
            return user == null ? ANONYMOUS : user;
        }

        void set(User user) {
            current.set(user);
        }

        void clear() {
            current.remove();
        }

        @Override
        public Optional<CurrentUser> authenticate(String username, char[] password, String address) {
            return Optional.empty();
        }

        @Override
        public CurrentUser system(String name) {
            return new User(name, Set.of("*"));
        }

        @Override
        public <T> T call(CurrentUser user, Callable<T> work) throws Exception {
            User before = current.get();
            current.set((User) user);
            try {
                return work.call();
            } finally {
                current.set(before);
            }
        }
    }

    /** This bundle's dashboard texts, plus any extra keys a test registers. */
    static final class Texts implements TranslationService {
        private final Properties vi = load("OSGI-INF/l10n/dashboard.properties");
        private final Properties en = load("OSGI-INF/l10n/dashboard_en.properties");

        Texts with(String key, String viText, String enText) {
            vi.setProperty(key, viText);
            en.setProperty(key, enText);
            return this;
        }

        private static Properties load(String path) {
            Properties p = new Properties();
            try (InputStream in = Fakes.class.getClassLoader().getResourceAsStream(path)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }

        @Override
        public String translate(String key, Locale locale, Object... params) {
            String text = ("en".equals(locale.getLanguage()) ? en : vi).getProperty(key, vi.getProperty(key));
            if (text == null) {
                return "!" + key + "!";
            }
            return params.length == 0 ? text : new MessageFormat(text, locale).format(params);
        }

        @Override
        public List<Locale> supportedLocales() {
            return List.of(VIETNAMESE, ENGLISH);
        }
    }

    /** The district office and two communes; only signed-in callers may read it, as the platform's. */
    static final class Directory implements UserDirectory {
        private final Users users;

        Directory(Users users) {
            this.users = users;
        }

        @Override
        public List<Unit> units() {
            if (!users.current().isAuthenticated()) {
                throw new vn.congso.api.security.AccessDeniedException("account:self");
            }
            return List.of(new Unit("district", "UBND huyện Trần Đề", "district"),
                    new Unit("xa-tai-van", "Xã Tài Văn", "commune"), new Unit("xa-lieu-tu", "Xã Liêu Tú", "commune"));
        }

        @Override
        public Optional<Person> person(String username) {
            return Optional.empty();
        }

        @Override
        public List<Person> people() {
            return List.of();
        }

        @Override
        public List<Person> peopleOf(String unitId) {
            return List.of();
        }
    }

    /** An indicator whose computation is a lambda. */
    interface Computation {
        IndicatorValue compute(Period period, String unitId) throws Exception;
    }

    static Indicator indicator(String id, UnitOfMeasure unit, boolean isPublic, OptionalDouble target,
            Computation computation) {
        return indicator(id, 100, unit, isPublic, target, computation);
    }

    static Indicator indicator(String id, int order, UnitOfMeasure unit, boolean isPublic, OptionalDouble target,
            Computation computation) {
        return new Indicator() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String titleKey() {
                return "test." + id;
            }

            @Override
            public UnitOfMeasure unitOfMeasure() {
                return unit;
            }

            @Override
            public boolean isPublic() {
                return isPublic;
            }

            @Override
            public OptionalDouble target() {
                return target;
            }

            @Override
            public IndicatorValue compute(Period period, String unitId) throws Exception {
                return computation.compute(period, unitId);
            }
        };
    }
}
