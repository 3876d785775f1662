package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** Manifest header parsing as the framework does it. */
class HeaderClauseTest {

    @Test
    void splitsClausesButNotQuotedCommas() {
        List<HeaderClause> clauses = HeaderClause.parse(
                "a.b;c.d;version=\"[1.0,2)\";resolution:=optional, e.f;uses:=\"a.b,c.d\"");
        assertEquals(2, clauses.size());
        assertEquals(List.of("a.b", "c.d"), clauses.get(0).paths());
        assertEquals("[1.0,2)", clauses.get(0).attributes().get("version"));
        assertEquals("optional", clauses.get(0).directive("resolution", ""));
        assertEquals("a.b,c.d", clauses.get(1).directive("uses", ""));
    }

    @Test
    void readsTypedAttributes() {
        HeaderClause clause = HeaderClause.parse(
                "osgi.ee;osgi.ee=JavaSE;version:List<Version>=\"11,17\";rank:Long=3").get(0);
        assertEquals(List.of(new Version(11, 0, 0), new Version(17, 0, 0)), clause.attributes().get("version"));
        assertEquals(3L, clause.attributes().get("rank"));
    }

    @Test
    void keepsFiltersWithEqualsSignsIntact() {
        HeaderClause clause = HeaderClause.parse("osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5))\"").get(0);
        assertEquals("(&(osgi.extender=osgi.component)(version>=1.5))", clause.directive("filter", ""));
    }
}
