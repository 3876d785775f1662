/** JDBC access to the training schema: transactions, UTC times and the question and response encodings. */
package vn.congso.training.internal.store;
