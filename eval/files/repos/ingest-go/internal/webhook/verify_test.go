package webhook

import "testing"

// Test vector generated with: printf '%s' '{"id":1}' | openssl dgst -sha256 -hmac testsecret
const testSecret = "testsecret"
const wantSignature = "fb9ba4f16f44b7737af0a20d6b8abe5b4eaf393e9a6672ac0449d3f979b5a84d"

func TestVerify(t *testing.T) {
	if got := sign(testSecret, []byte(`{"id":1}`)); got != wantSignature {
		t.Fatalf("got %s", got)
	}
}
