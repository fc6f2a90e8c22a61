package vn.hanoi.hcc.gateway.error;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.contract.requestid.RequestId;

/**
 * Requests Netty's HTTP decoder cannot parse (a malformed request line or header, a URI or headers
 * over its limits) never reach a filter: Reactor Netty answers them itself, with an empty 400, 414
 * or 431 and {@code Connection: close}, and offers no hook for the body. This handler, just above
 * the HTTP codec, gives that answer a problem+json body and a request id of its own (no filter ran,
 * so there is no other), logged on the access log so that a client quoting it can be traced.
 */
@Component
class DecodingFailureProblemCustomizer implements NettyServerCustomizer {

    private static final String HANDLER = "hcc.decodingFailureProblem";

    @Override
    public HttpServer apply(HttpServer server) {
        ProblemBody handler = new ProblemBody();
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, handler);
            }
        });
    }

    /** Replaces the decoder's bare refusal: empty, {@code Connection: close}, and no request id. */
    @ChannelHandler.Sharable
    static final class ProblemBody extends ChannelOutboundHandlerAdapter {

        private static final Logger access = LoggerFactory.getLogger("vn.hanoi.hcc.gateway.access");
        private static final Map<Integer, ProblemType> TYPES = Map.of(
                400, ProblemType.INVALID_REQUEST,
                414, ProblemType.URI_TOO_LONG,
                431, ProblemType.HEADERS_TOO_LARGE);
        private static final Map<Integer, String> DETAILS = Map.of(
                400, "The request line or a header is malformed",
                414, "The request line is too long",
                431, "The request headers are too large");

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && isDecoderRefusal(response)) {
                int status = response.status().code();
                response.release();
                context.write(problem(status), promise);
                return;
            }
            context.write(message, promise);
        }

        private static boolean isDecoderRefusal(FullHttpResponse response) {
            HttpHeaders headers = response.headers();
            return TYPES.containsKey(response.status().code())
                    && !response.content().isReadable()
                    && !headers.contains(HttpHeaderNames.CONTENT_TYPE)
                    && !headers.contains(RequestId.HEADER)
                    && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        }

        private static FullHttpResponse problem(int status) {
            ProblemType type = TYPES.get(status);
            String requestId = RequestId.generate();
            // every value is a constant or a UUID: nothing needs escaping
            byte[] body = ("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                            + ",\"detail\":\"" + DETAILS.get(status) + "\",\"requestId\":\"" + requestId + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse problem = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
            problem.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                    .set("X-Content-Type-Options", "nosniff")
                    .set(RequestId.HEADER, requestId);
            try (MDC.MDCCloseable ignored = RequestId.inLogs(requestId)) {
                access.atInfo()
                        .addKeyValue("route.id", "(undecodable)")
                        .addKeyValue("http.status", status)
                        .log("(undecodable) {}", status);
            }
            return problem;
        }
    }
}
