/** The dashboard's engine: every contributed indicator computed in isolation, formatted, charted and exported. */
package vn.congso.admin.internal.indicators;
