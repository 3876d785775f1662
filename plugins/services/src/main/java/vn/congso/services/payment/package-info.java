/**
 * The services plugin's payment extension point: a bundle that connects a payment gateway (a bank,
 * an e-wallet, the national payment platform) registers a {@link vn.congso.services.payment.PaymentProvider}
 * service, and citizens can pay a dossier's fee through it.
 */
@Version("1.0.0")
package vn.congso.services.payment;

import org.osgi.annotation.versioning.Version;
