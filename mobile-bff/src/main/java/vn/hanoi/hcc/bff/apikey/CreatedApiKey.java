package vn.hanoi.hcc.bff.apikey;

/**
 * A key just made: the only time its plain value exists outside the client's hands.
 *
 * @param plainKey the key to hand to the client
 */
public record CreatedApiKey(ApiKey key, String plainKey) {

    @Override
    public String toString() {
        return "CreatedApiKey[" + key.id() + "]";
    }
}
