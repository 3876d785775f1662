/** PDF rendering of XHTML templates, with fonts that carry Vietnamese diacritics. */
@Version("1.0.0")
package vn.congso.api.pdf;

import org.osgi.annotation.versioning.Version;
