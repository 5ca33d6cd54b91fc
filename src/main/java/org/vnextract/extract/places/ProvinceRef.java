package org.vnextract.extract.places;

import org.vnextract.internal.Validate;

/**
 * A province by name and GSO code (code null when unknown): the place that scopes a local
 * document's symbol.
 *
 * <p>Immutable; thread-safe.
 */
public record ProvinceRef(String name, String code) {
    public ProvinceRef {
        Validate.notEmpty(name, "name");
    }
}
