package dev.parley.error;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON body of every REST error: {@code {"code":"not_found","message":"..."}}. */
@RegisterForReflection
public record ErrorBody(ErrorCode code, String message) {
}
