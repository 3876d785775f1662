/** Fees and payments: cash at the counter, online through payment providers, e-receipts, the cashless share. */
package vn.congso.services.internal.payment;
