package org.parley.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's error body: a stable code, a sentence for people and, when one field is at fault, its name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {
}
