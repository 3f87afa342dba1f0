package io.callaudit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Named;

/**
 * The Lambda entry point ({@code quarkus.lambda.handler=callaudit}), thin on purpose: the payload arrives
 * as a JSON tree because two shapes share this handler (an S3 event and a direct {@code {"bucket", "key"}}
 * invocation), and everything else is {@link S3AuditService}'s.
 */
@Named("callaudit")
public class S3AuditHandler implements RequestHandler<JsonNode, JsonNode> {

    private final S3AuditService service;
    private final ObjectMapper mapper;

    S3AuditHandler(S3AuditService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @Override
    public JsonNode handleRequest(JsonNode payload, Context context) {
        return mapper.valueToTree(service.handle(payload, context));
    }
}
