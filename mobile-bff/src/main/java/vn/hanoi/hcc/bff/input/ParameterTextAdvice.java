package vn.hanoi.hcc.bff.input;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import vn.hanoi.hcc.bff.error.UnsafeTextException;

/**
 * One rule for every text a controller takes from the URL or a header ({@code @RequestParam},
 * {@code @PathVariable}, {@code @RequestHeader}): no control, invisible format or lone surrogate
 * characters ({@link TextPatterns#LINE}). Such a value is refused with a 400 naming the parameter
 * before any feature sees it, so that none can reach SQL (PostgreSQL refuses NUL with 22021), a log
 * or a screen, whichever feature forgot to check.
 */
@ControllerAdvice
class ParameterTextAdvice {

    @InitBinder
    void refuseUnsafeText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new SafeTextEditor());
    }

    /** Keeps the text as it is, or refuses it; the binder turns the refusal into a 400 for the parameter. */
    private static final class SafeTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text != null && !TextPatterns.isLine(text)) {
                throw new UnsafeTextException();
            }
            setValue(text);
        }
    }
}
