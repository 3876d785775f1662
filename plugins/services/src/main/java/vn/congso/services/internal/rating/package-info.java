/** Citizens' ratings of the service after the result (the satisfaction part of Decision 766/QĐ-TTg). */
package vn.congso.services.internal.rating;
