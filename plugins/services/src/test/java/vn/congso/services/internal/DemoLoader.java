package vn.congso.services.internal;

/** Loads the demo (catalogue, calendar, a year of dossiers) into a fixture, for tests in other packages. */
public final class DemoLoader {

    private DemoLoader() {
    }

    /**
     * @param f the fixture
     * @return whether the demo was loaded now (false when it was there)
     * @throws Exception when it cannot be loaded
     */
    public static boolean load(ServicesFixture f) throws Exception {
        return DemoData.load(f.database, f.catalogue, f.calendars.calendar(), ServicesFixture.NOW);
    }

    /** @param f the fixture @return its units (Trần Đề's district and communes) */
    public static vn.congso.api.units.UnitDirectory units(ServicesFixture f) {
        return f.units();
    }

    /** @param f the fixture @return its PDF renderer, which records the data in {@code f.rendered} */
    public static vn.congso.api.pdf.PdfRenderer pdf(ServicesFixture f) {
        return f.pdf();
    }
}
