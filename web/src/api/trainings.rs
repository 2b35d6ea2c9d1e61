//! Calls of the trainings: the public check of a certificate and the trainee's questionnaire
//! behind a personal link (no account needed).

use gloo_net::http::Method;
use shared::trainings::{
    AttendanceInput, CertificateCheck, CertificateSummary, Course, CourseFilter, CourseInput,
    EvaluationForm, EvaluationInput, EvaluationLink, EvaluationResults, IssueInput, Module,
    ModuleInput, RevokeInput, Trainee, TraineeInput,
};
use uuid::Uuid;

use super::{encode_component, query, Api, ApiError};

/// The address of `GET /trainings/courses`, of one module's courses or all of them.
pub fn courses_path(module: Option<Uuid>) -> String {
    format!(
        "/trainings/courses{}",
        query(&CourseFilter { module_id: module })
    )
}

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
    /// `GET /trainings/modules`: the catalogue.
    pub async fn training_modules(&self) -> Result<Vec<Module>, ApiError> {
        self.authed_json(Method::GET, "/trainings/modules", None)
            .await
    }

    /// `GET /trainings/modules/{id}`.
    pub async fn training_module(&self, id: Uuid) -> Result<Module, ApiError> {
        self.authed_json(Method::GET, &format!("/trainings/modules/{id}"), None)
            .await
    }

    /// `POST /trainings/modules`.
    pub async fn create_training_module(&self, body: &ModuleInput) -> Result<Module, ApiError> {
        self.authed_json(
            Method::POST,
            "/trainings/modules",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `PUT /trainings/modules/{id}`.
    pub async fn update_training_module(
        &self,
        id: Uuid,
        body: &ModuleInput,
    ) -> Result<Module, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/trainings/modules/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /trainings/modules/{id}/evaluations`: the results of all the module's courses.
    pub async fn module_evaluations(&self, id: Uuid) -> Result<EvaluationResults, ApiError> {
        let path = format!("/trainings/modules/{id}/evaluations");
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /trainings/courses`, the latest first (one module's with `module`).
    pub async fn training_courses(&self, module: Option<Uuid>) -> Result<Vec<Course>, ApiError> {
        self.authed_json(Method::GET, &courses_path(module), None)
            .await
    }

    /// `GET /trainings/courses/{id}`.
    pub async fn training_course(&self, id: Uuid) -> Result<Course, ApiError> {
        self.authed_json(Method::GET, &format!("/trainings/courses/{id}"), None)
            .await
    }

    /// `POST /trainings/courses`: the course and its sessions (activities).
    pub async fn create_training_course(&self, body: &CourseInput) -> Result<Course, ApiError> {
        self.authed_json(
            Method::POST,
            "/trainings/courses",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `GET /trainings/courses/{id}/registrations`: trainees, attendance, completion.
    pub async fn course_trainees(&self, id: Uuid) -> Result<Vec<Trainee>, ApiError> {
        let path = format!("/trainings/courses/{id}/registrations");
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /trainings/courses/{id}/registrations`: a seat in every session, or the waiting
    /// list.
    pub async fn add_trainee(&self, id: Uuid, body: &TraineeInput) -> Result<Trainee, ApiError> {
        let path = format!("/trainings/courses/{id}/registrations");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `DELETE /trainings/courses/{id}/registrations/{registration_id}`: withdraw.
    pub async fn withdraw_trainee(
        &self,
        id: Uuid,
        registration: Uuid,
    ) -> Result<Trainee, ApiError> {
        let path = format!("/trainings/courses/{id}/registrations/{registration}");
        self.authed_json(Method::DELETE, &path, None).await
    }

    /// `PUT /trainings/courses/{id}/attendance`: the marks given, all or none.
    pub async fn mark_course_attendance(
        &self,
        id: Uuid,
        body: &AttendanceInput,
    ) -> Result<Vec<Trainee>, ApiError> {
        let path = format!("/trainings/courses/{id}/attendance");
        self.authed_json(Method::PUT, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /trainings/courses/{id}/certificates`: to one trainee or to all who completed.
    pub async fn issue_certificates(
        &self,
        id: Uuid,
        body: &IssueInput,
    ) -> Result<Vec<CertificateSummary>, ApiError> {
        let path = format!("/trainings/courses/{id}/certificates");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /trainings/certificates/{id}/revoke`.
    pub async fn revoke_certificate(
        &self,
        id: Uuid,
        reason: &str,
    ) -> Result<CertificateSummary, ApiError> {
        let body = RevokeInput {
            reason: reason.to_string(),
        };
        let path = format!("/trainings/certificates/{id}/revoke");
        self.authed_json(Method::POST, &path, Some(Self::to_json(&body)?))
            .await
    }

    /// A PDF the API serves to signed-in staff only (the bearer token is needed, so a plain
    /// link would not do): `GET /trainings/certificates/{id}` or the course's merged one.
    pub async fn certificate_pdf(&self, path: &str) -> Result<Vec<u8>, ApiError> {
        let resp = self.authed(Method::GET, path, None).await?;
        if resp.ok() {
            resp.binary().await.map_err(|_| ApiError::Network)
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    /// `GET /trainings/courses/{id}/evaluations`.
    pub async fn course_evaluations(&self, id: Uuid) -> Result<EvaluationResults, ApiError> {
        let path = format!("/trainings/courses/{id}/evaluations");
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /trainings/courses/{id}/evaluations`: a paper questionnaire entered by staff.
    pub async fn enter_evaluation(
        &self,
        id: Uuid,
        body: &EvaluationInput,
    ) -> Result<EvaluationResults, ApiError> {
        let path = format!("/trainings/courses/{id}/evaluations");
        self.authed_json(Method::POST, &path, Some(Self::to_json(body)?))
            .await
    }

    /// `POST /trainings/courses/{id}/evaluations/links`: personal links, shown once.
    pub async fn evaluation_links(&self, id: Uuid) -> Result<Vec<EvaluationLink>, ApiError> {
        let path = format!("/trainings/courses/{id}/evaluations/links");
        self.authed_json(Method::POST, &path, None).await
    }

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
    fn courses_of_one_module_or_all() {
        assert_eq!(courses_path(None), "/trainings/courses");
        let id = Uuid::from_u128(7);
        assert_eq!(
            courses_path(Some(id)),
            format!("/trainings/courses?module_id={id}")
        );
    }

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
