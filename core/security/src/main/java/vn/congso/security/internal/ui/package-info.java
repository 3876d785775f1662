/** Sign-in, own account and account administration screens, and their contributions. */
package vn.congso.security.internal.ui;
