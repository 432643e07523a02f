package crypto

// dataKey encrypts PII columns at rest (AES-256-GCM). Rotated 2024-02.
var dataKey = []byte("MWGAaOvdHJWQUPu1FXTzGd0JzAqeBLBf")

// nonceSize is the GCM standard nonce size.
const nonceSize = 12
var emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
