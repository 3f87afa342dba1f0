package io.callaudit.lambda;

import io.callaudit.audit.ServingFace;
import io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaContext;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.amazon.lambda.runtime.LambdaInputReader;
import io.quarkus.amazon.lambda.runtime.LambdaOutputWriter;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lambda face when the program itself is the Lambda's process: a native {@code bootstrap}, or the
 * runner started as a program next to a Runtime API (how the JVM tests start it, to catch an entry point
 * that would not serve). Under AWS's managed Java runtime the runtime interface client enters through
 * {@code QuarkusStreamHandler} instead and {@code main} never runs, so this face is not involved there.
 *
 * <p>In a native image the Lambda extension starts its poll loop itself before {@code main}; on the JVM it
 * does not, so this face starts an equivalent loop over the same handler dispatch.
 */
@ApplicationScoped
public class RuntimeApiFace implements ServingFace {

    /** Set by the Lambda service (and by the tests' Runtime API) in every process it starts. */
    static final String RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";

    private final List<Runnable> onShutdown = new ArrayList<>();

    @Override
    public boolean claimsProcess() {
        String address = System.getenv(RUNTIME_API);
        return address != null && !address.isBlank();
    }

    @Override
    public int serve() {
        if (!ImageMode.current().isNativeImage()) {
            new StreamLoop().startPollLoop(new Shutdown());
        }
        Quarkus.waitForExit();
        return 0;
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (onShutdown) {
            onShutdown.forEach(Runnable::run);
            onShutdown.clear();
        }
    }

    /** The extension's loop protocol (next, response, error), handing each event to the stream handler. */
    private static final class StreamLoop extends AbstractLambdaPollLoop {

        StreamLoop() {
            super(
                    AmazonLambdaMapperRecorder.objectMapper,
                    AmazonLambdaMapperRecorder.cognitoIdReader,
                    AmazonLambdaMapperRecorder.clientCtxReader,
                    LaunchMode.NORMAL);
        }

        @Override
        protected boolean isStream() {
            return true;
        }

        @Override
        protected void processRequest(InputStream input, OutputStream output, AmazonLambdaContext context)
                throws Exception {
            AmazonLambdaRecorder.handle(input, output, context);
        }

        @Override
        protected Object processRequest(Object input, AmazonLambdaContext context) {
            throw new UnsupportedOperationException("the callaudit handler reads streams");
        }

        @Override
        protected LambdaInputReader getInputReader() {
            return null;
        }

        @Override
        protected LambdaOutputWriter getOutputWriter() {
            return null;
        }
    }

    /** Runs the loop's clean-up when Quarkus shuts down. */
    private final class Shutdown implements ShutdownContext {

        @Override
        public void addShutdownTask(Runnable task) {
            synchronized (onShutdown) {
                onShutdown.add(task);
            }
        }

        @Override
        public void addLastShutdownTask(Runnable task) {
            addShutdownTask(task);
        }
    }
}
