package vn.congso.services.internal.payment;

import java.time.Clock;
import vn.congso.services.internal.DemoLoader;
import vn.congso.services.internal.ServicesFixture;

/** The payments service on a test fixture, for tests outside this package (a screen that shows a payment panel). */
public final class TestPayments {

    private TestPayments() {
    }

    /**
     * @param f the fixture
     * @param clock the payments' clock
     * @return the payments service, with the bank-transfer reference provider
     */
    public static Payments of(ServicesFixture f, Clock clock) {
        Payments payments = new Payments(f.database.dataSource(), f.users, f.log, f.dossiers, f.catalogue, DemoLoader.pdf(f),
                DemoLoader.units(f), "Ủy ban nhân dân huyện Trần Đề", clock);
        payments.addProvider(new TransferReferenceProvider());
        return payments;
    }
}
