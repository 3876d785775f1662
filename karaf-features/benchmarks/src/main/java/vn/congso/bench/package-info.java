/** Benchmarks: programs that print numbers, run by hand, never as tests. */
package vn.congso.bench;
