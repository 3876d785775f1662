/** Questions of every supported type, their validation rules and how a response to each is scored. */
package vn.congso.training.internal.question;
