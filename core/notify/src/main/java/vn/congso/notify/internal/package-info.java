/** The notification service: the outbox in the platform database and the worker that delivers it by SMTP. */
package vn.congso.notify.internal;
