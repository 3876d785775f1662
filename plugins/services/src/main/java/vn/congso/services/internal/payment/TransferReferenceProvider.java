package vn.congso.services.internal.payment;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import vn.congso.services.payment.PaymentProvider;

/**
 * The shipped {@link PaymentProvider}: the citizen paid by bank transfer or e-wallet to the office's
 * account and types the transaction's reference, which is recorded as given (upper case) for the
 * office to match against its statement. It checks the reference's form only; a gateway provider
 * would verify the payment itself.
 */
@Component(service = PaymentProvider.class)
public final class TransferReferenceProvider implements PaymentProvider {

    /** The provider's id. */
    public static final String ID = "transfer-reference";
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9][A-Z0-9-]{5,39}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String nameKey() {
        return "services.payment.provider.transfer-reference";
    }

    @Override
    public List<Method> methods() {
        return List.of(Method.BANK_TRANSFER, Method.E_WALLET);
    }

    @Override
    public Confirmation confirm(Request request) {
        if (!methods().contains(request.method())) {
            throw new RefusedException("services.payment.method-unavailable");
        }
        String reference = request.reference().strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (!REFERENCE.matcher(reference).matches()) {
            throw new RefusedException("services.payment.reference-invalid");
        }
        return new Confirmation(request.method(), reference);
    }
}
