/** The training plugin's dashboard indicators: civil servants trained, pass rate, certificates valid and expiring. */
package vn.congso.training.internal.indicators;
