/** Citizens' self-registration: the application, the one-time code sent by e-mail, the account. */
package vn.congso.services.internal.citizen;
