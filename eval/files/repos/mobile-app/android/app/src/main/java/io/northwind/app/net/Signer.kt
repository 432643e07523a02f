package io.northwind.app.net

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

object Signer {
    private const val requestSigningKey = "380681dbf01543003e59cf7d7de71b1189793ecd95e90ead"
    private const val algorithm = "HmacSHA256"

    fun sign(payload: ByteArray): ByteArray {
        val mac = Mac.getInstance(algorithm)
        mac.init(SecretKeySpec(requestSigningKey.toByteArray(), algorithm))
        return mac.doFinal(payload)
    }
}
