//! Calls of the trainings: the public check of a certificate and the trainee's questionnaire
//! behind a personal link (no account needed).

use gloo_net::http::Method;
use shared::trainings::{CertificateCheck, EvaluationForm, EvaluationInput};

use super::{encode_component, Api, ApiError};

/// The code as printed on a certificate, from what a visitor typed or pasted: spaces gone,
/// capitals, the dashes every five characters put back when they were left out. The server
/// looks the code up by its hash, so it must be spelled exactly as printed.
pub fn normalize_code(typed: &str) -> String {
    let plain: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    plain
        .as_bytes()
        .chunks(5)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

impl Api {
    /// `GET /public/certificates/{code}`: the certificate's facts when it is genuine; 404 when
    /// the code is unknown or the certificate revoked.
    pub async fn check_certificate(&self, code: &str) -> Result<CertificateCheck, ApiError> {
        let resp = self
            .send(
                Method::GET,
                &format!("/public/certificates/{}", encode_component(code)),
                None,
                None,
            )
            .await?;
        Self::json_of(resp).await
    }

    /// `GET /public/evaluations/{token}`: the questionnaire behind a personal link.
    pub async fn evaluation_form(&self, token: &str) -> Result<EvaluationForm, ApiError> {
        let resp = self
            .send(
                Method::GET,
                &format!("/public/evaluations/{}", encode_component(token)),
                None,
                None,
            )
            .await?;
        Self::json_of(resp).await
    }

    /// `POST /public/evaluations/{token}`: the trainee's answers (once; again: 409).
    pub async fn submit_evaluation(
        &self,
        token: &str,
        body: &EvaluationInput,
    ) -> Result<(), ApiError> {
        let json = Self::to_json(body)?;
        let resp = self
            .send(
                Method::POST,
                &format!("/public/evaluations/{}", encode_component(token)),
                Some(&json),
                None,
            )
            .await?;
        if resp.ok() {
            Ok(())
        } else {
            Err(Self::error_of(resp).await)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_spelled_as_printed() {
        assert_eq!(
            normalize_code(" 7k3qd m2xpa-9vbne h4rtw "),
            "7K3QD-M2XPA-9VBNE-H4RTW"
        );
        assert_eq!(
            normalize_code("7K3QDM2XPA9VBNEH4RTW"),
            "7K3QD-M2XPA-9VBNE-H4RTW"
        );
        assert_eq!(
            normalize_code("7K3QD-M2XPA-9VBNE-H4RTW"),
            "7K3QD-M2XPA-9VBNE-H4RTW"
        );
        assert_eq!(normalize_code(" - "), "");
        // Nothing that could leave the path.
        assert_eq!(normalize_code("../x?y#z"), "XYZ");
    }
}
