package vn.congso.services.payment;

import java.util.Objects;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to pay a dossier's fee online. The services plugin lists every registered provider to the
 * citizen, asks the chosen one to confirm a payment and records what it answers (the amount, the
 * method and the provider's reference) with an e-receipt; nothing is recorded when the provider
 * refuses. Register an implementation as an OSGi service; it may come and go at any time.
 *
 * <p>The plugin ships one provider, {@code transfer-reference}, that records the reference of a bank
 * transfer or e-wallet payment the citizen made to the office's account (checked by the office
 * against its statement). A gateway provider would verify the payment with its gateway in
 * {@link #confirm} instead.
 */
@ConsumerType
public interface PaymentProvider {

    /** The methods a payment can be recorded with; {@code cash} is the counter's, never a provider's. */
    enum Method {
        /** A bank transfer. */
        BANK_TRANSFER,
        /** An e-wallet or mobile money. */
        E_WALLET,
        /** A card or a payment gateway. */
        GATEWAY;

        /** @return the stored value, also the suffix of the translation key {@code services.payment.method.*} */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What the citizen asks to pay.
     *
     * @param dossierCode the dossier's code, such as {@code HS-260303-AB12CD}
     * @param amountVnd the fee in Vietnamese đồng, greater than zero
     * @param method the method the citizen chose among {@link #methods()}
     * @param reference what the citizen typed for the provider (a transfer's reference), maybe empty
     */
    record Request(String dossierCode, long amountVnd, Method method, String reference) {
        /** Checks the fields. */
        public Request {
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(reference, "reference");
            if (amountVnd <= 0) {
                throw new IllegalArgumentException("amount must be positive: " + amountVnd);
            }
        }
    }

    /**
     * A payment the provider confirms.
     *
     * @param method how it was paid
     * @param reference the provider's reference of the payment, kept and printed on the e-receipt
     *        (at most 64 characters)
     */
    record Confirmation(Method method, String reference) {
        /** Checks the fields. */
        public Confirmation {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** A payment the provider does not confirm; the message is a translation key of the provider's bundle. */
    final class RefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * @param key translation key of the reason, shown to the citizen
         */
        public RefusedException(String key) {
            super(key);
        }

        /** @return the translation key */
        public String key() {
            return getMessage();
        }
    }

    /**
     * A stable id, such as {@code transfer-reference}.
     *
     * @return lower-case letters, digits and hyphens
     */
    String id();

    /**
     * The provider's name as the citizen sees it.
     *
     * @return a translation key
     */
    String nameKey();

    /**
     * The methods this provider offers.
     *
     * @return at least one
     */
    java.util.List<Method> methods();

    /**
     * Confirms a payment.
     *
     * @param request what is paid
     * @return the confirmation to record
     * @throws RefusedException when the payment is not confirmed (a malformed reference, a
     *         declined card); nothing is recorded then
     */
    Confirmation confirm(Request request);
}
