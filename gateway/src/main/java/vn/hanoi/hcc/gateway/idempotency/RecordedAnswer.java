package vn.hanoi.hcc.gateway.idempotency;

import java.util.Map;

/**
 * The first answer to an idempotent request, as a retry gets it again. Only ever stored sealed
 * ({@link AnswerSeal}): the body of a filing carries the dossier's lookup secret.
 *
 * @param status the answer's status
 * @param headers the answer's replayable headers
 * @param body the answer's body
 */
record RecordedAnswer(int status, Map<String, String> headers, byte[] body) {

    @Override
    public String toString() {
        return "RecordedAnswer[" + status + ", " + body.length + " bytes]"; // never the body
    }
}
