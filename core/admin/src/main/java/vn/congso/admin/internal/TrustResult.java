package vn.congso.admin.internal;

import java.util.Optional;

/**
 * How a change of the trust store ended.
 *
 * @param status {@link ActionResult.Status#DONE}, {@link ActionResult.Status#REFUSED} (nothing
 *        changed, see the problem) or {@link ActionResult.Status#FAILED} (the folder could not be written)
 * @param signer the signer added or removed, when done
 * @param problem why it was refused or failed
 */
public record TrustResult(ActionResult.Status status, Optional<TrustedSigner> signer, Optional<Problem> problem) {

    /** @return {@code true} when the change was made */
    public boolean succeeded() {
        return status == ActionResult.Status.DONE;
    }

    static TrustResult done(TrustedSigner signer) {
        return new TrustResult(ActionResult.Status.DONE, Optional.of(signer), Optional.empty());
    }

    static TrustResult refused(Problem problem) {
        return new TrustResult(ActionResult.Status.REFUSED, Optional.empty(), Optional.of(problem));
    }

    static TrustResult failed(Problem problem) {
        return new TrustResult(ActionResult.Status.FAILED, Optional.empty(), Optional.of(problem));
    }
}
