/**
 * File imports. {@link org.credence.integration.imports.TableReader} turns a CSV or XLSX
 * file into rows of text, {@link org.credence.integration.imports.ColumnMapping} matches
 * its header to the columns an {@link org.credence.integration.imports.Importer} knows,
 * and {@link org.credence.integration.imports.FileImports} checks every row before it
 * writes the good ones in one transaction. An importer per kind of data (customers first)
 * says how a row becomes a draft for the owning module and how it is written.
 */
@NullMarked
package org.credence.integration.imports;

import org.jspecify.annotations.NullMarked;
