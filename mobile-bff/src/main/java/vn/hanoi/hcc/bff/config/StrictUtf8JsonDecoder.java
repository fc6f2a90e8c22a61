package vn.hanoi.hcc.bff.config;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's Jackson decoder, with the body checked to be well-formed UTF-8 before Jackson reads it.
 * Jackson's byte parser refuses surrogates and invalid lead bytes but decodes overlong forms
 * ({@code C0 AF} became {@code /}, an event id) and code points above U+10FFFF into garbage, so a
 * body that is not UTF-8 could still be stored. Now it is a {@link DecodingException}: a 400.
 * Bodies declared in another charset are left to Spring, which transcodes them.
 */
class StrictUtf8JsonDecoder extends JacksonJsonDecoder {

    StrictUtf8JsonDecoder(JsonMapper mapper) {
        super(mapper);
    }

    /** A whole body ({@code @RequestBody T} or {@code Mono<T>}): checked at once. */
    @Override
    public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints)
            throws DecodingException {
        if (isUtf8(mimeType)) {
            try {
                Utf8Validator validator = new Utf8Validator();
                feed(validator, buffer);
                validator.finish();
            } catch (Utf8Validator.MalformedUtf8Exception malformed) {
                DataBufferUtils.release(buffer);
                throw new DecodingException(malformed.getMessage(), malformed);
            }
        }
        return super.decode(buffer, targetType, mimeType, hints);
    }

    /** A streamed body ({@code Flux<T>}): checked buffer by buffer as it arrives. */
    @Override
    protected Flux<DataBuffer> processInput(
            Publisher<DataBuffer> input, ResolvableType elementType, MimeType mimeType, Map<String, Object> hints) {
        Flux<DataBuffer> buffers = super.processInput(input, elementType, mimeType, hints);
        if (!isUtf8(mimeType)) {
            return buffers;
        }
        return Flux.defer(() -> {
            Utf8Validator validator = new Utf8Validator();
            return buffers.handle((DataBuffer buffer, SynchronousSink<DataBuffer> sink) -> {
                        try {
                            feed(validator, buffer);
                            sink.next(buffer);
                        } catch (Utf8Validator.MalformedUtf8Exception malformed) {
                            DataBufferUtils.release(buffer);
                            sink.error(new DecodingException(malformed.getMessage(), malformed));
                        }
                    })
                    .concatWith(Flux.defer(() -> {
                        try {
                            validator.finish();
                            return Flux.empty();
                        } catch (Utf8Validator.MalformedUtf8Exception malformed) {
                            return Flux.error(new DecodingException(malformed.getMessage(), malformed));
                        }
                    }));
        });
    }

    private static void feed(Utf8Validator validator, DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
            while (chunks.hasNext()) {
                ByteBuffer chunk = chunks.next();
                validator.feed(chunk);
            }
        }
    }

    private static boolean isUtf8(MimeType mimeType) {
        Charset charset = mimeType == null ? null : mimeType.getCharset();
        return charset == null || StandardCharsets.UTF_8.equals(charset) || StandardCharsets.US_ASCII.equals(charset);
    }
}
