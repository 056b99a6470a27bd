//! Signatures as the Standard Webhooks specification describes: a secret
//! `whsec_<base64 key>`, and `webhook-signature: v1,<base64 HMAC-SHA256>`
//! over `{webhook-id}.{webhook-timestamp}.{body}`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// The prefix Standard Webhooks gives a secret.
const PREFIX: &str = "whsec_";

/// A new secret: 32 random bytes.
pub fn new_secret() -> String {
    let mut key = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut key);
    format!("{PREFIX}{}", STANDARD.encode(key))
}

/// A stored secret that does not decode (the database was edited).
#[derive(Debug, thiserror::Error)]
#[error("the destination's secret is not a whsec_ secret")]
pub struct BadSecret;

/// The `webhook-signature` header's value for one attempt.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Result<String, BadSecret> {
    let key = STANDARD
        .decode(secret.strip_prefix(PREFIX).unwrap_or(secret))
        .map_err(|_| BadSecret)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).map_err(|_| BadSecret)?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Ok(format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example the specification gives.
    #[test]
    fn the_specifications_example_signs_as_it_says() {
        let signature = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            r#"{"test": 2432232314}"#,
        )
        .unwrap();
        assert_eq!(signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn the_specifications_library_verifies_what_is_signed() {
        let secret = new_secret();
        assert_ne!(secret, new_secret(), "random");
        let body = r#"{"type":"response.completed"}"#;
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let mut headers = axum::http::HeaderMap::new();
        headers.insert("webhook-id", "msg_1".parse().unwrap());
        headers.insert("webhook-timestamp", now.to_string().parse().unwrap());
        headers.insert(
            "webhook-signature",
            sign(&secret, "msg_1", now, body).unwrap().parse().unwrap(),
        );
        let verifier = standardwebhooks::Webhook::new(&secret).unwrap();
        verifier.verify(body.as_bytes(), &headers).unwrap();
        assert!(
            verifier.verify(br#"{"type":"other"}"#, &headers).is_err(),
            "a changed body fails"
        );
        assert!(sign("whsec_***", "msg_1", now, body).is_err());
    }
}
