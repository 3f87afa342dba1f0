package io.callaudit.lambda;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Removes the {@code Expect: 100-continue} header the S3 client adds to every PutObject and UploadPart.
 * With the JDK's URL connection (the HTTP client this function uses), that header makes a reused
 * keep-alive connection fail now and then with "Unexpected end of file from server" (aws-sdk-java-v2
 * #6670); the SDK does not retry it, and a report that is not written fails the invocation. Reports are
 * small, or sent in 8 MiB parts, so waiting for "continue" before sending the body saves nothing.
 * Registered with {@code quarkus.s3.interceptors}; runs after the S3 client's own interceptors.
 */
@RegisterForReflection
public class NoExpectContinue implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(
            Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
        SdkHttpRequest request = context.httpRequest();
        return request.firstMatchingHeader("Expect").isPresent()
                ? request.toBuilder().removeHeader("Expect").build()
                : request;
    }
}
