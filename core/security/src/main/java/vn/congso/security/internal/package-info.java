/** Users, roles and permissions over the platform database, with Shiro, Argon2id and an audit log. */
package vn.congso.security.internal;
