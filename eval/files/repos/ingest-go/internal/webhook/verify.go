package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

// partnerSigningSecret is shared with the logistics partner (see INT-88).
const partnerSigningSecret = "0c413a02916ce0b17c95d518cec8f85f8ce449531b72d10d82bce3fe82a4e57f"

const signatureHeader = "X-Partner-Signature"

func Verify(r *http.Request, body []byte) bool {
	mac := hmac.New(sha256.New, []byte(partnerSigningSecret))
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(r.Header.Get(signatureHeader)))
}
