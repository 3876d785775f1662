package vn.congso.services.internal.indicators;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.services.internal.payment.Payments;

/** Fees paid without cash (bank transfer, e-wallet, gateway), of all fees paid in the period: numerator / denominator. */
@Component(service = Indicator.class)
public final class CashlessShareIndicator extends PublicRateIndicator {

    private final Payments payments;

    /**
     * @param payments the payments
     */
    @Activate
    public CashlessShareIndicator(@Reference Payments payments) {
        super("cashless-share", 33);
        this.payments = payments;
    }

    @Override
    public IndicatorValue compute(Period period, String unitId) {
        Payments.Share share = payments.cashless(period.startInstant(), period.endInstant(), unitId);
        return share.payments() == 0 ? IndicatorValue.none() : IndicatorValue.rate(share.cashless(), share.payments());
    }
}
