//! InterLab office-hours calls: the slots mentors offer, their booking, and a mentor's own
//! entry and personal calendar feed (`/api/v1/interlab/office-hours`, `…/mentors/me`,
//! `…/mentors/{id}/feed`).

use gloo_net::http::Method;
use shared::interlab::{
    BookingInput, CohortActivities, Mentor, MentorFeed, OfficeHour, OfficeHourFilter,
    OfficeHourInput, OfficeHourPatch,
};
use uuid::Uuid;

use super::{query, Api, ApiError};

impl Api {
    /// `GET /interlab/office-hours` (a mentor's account: its own slots).
    pub async fn office_hours(
        &self,
        filter: &OfficeHourFilter,
    ) -> Result<Vec<OfficeHour>, ApiError> {
        let path = format!("/interlab/office-hours{}", query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /interlab/office-hours`: a slot offered.
    pub async fn offer_office_hour(&self, body: &OfficeHourInput) -> Result<OfficeHour, ApiError> {
        self.authed_json(
            Method::POST,
            "/interlab/office-hours",
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `PATCH /interlab/office-hours/{id}` (here: to cancel the slot).
    pub async fn update_office_hour(
        &self,
        id: Uuid,
        body: &OfficeHourPatch,
    ) -> Result<OfficeHour, ApiError> {
        self.authed_json(
            Method::PATCH,
            &format!("/interlab/office-hours/{id}"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `PUT /interlab/office-hours/{id}/booking`: 409 when someone took the slot first.
    pub async fn book_office_hour(
        &self,
        id: Uuid,
        body: &BookingInput,
    ) -> Result<OfficeHour, ApiError> {
        self.authed_json(
            Method::PUT,
            &format!("/interlab/office-hours/{id}/booking"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `DELETE /interlab/office-hours/{id}/booking`: the slot is free again.
    pub async fn unbook_office_hour(&self, id: Uuid) -> Result<(), ApiError> {
        self.authed_no_content(
            Method::DELETE,
            &format!("/interlab/office-hours/{id}/booking"),
        )
        .await
    }

    /// `GET /interlab/mentors/me`: the directory entry of the mentor's account signed in.
    pub async fn my_mentor_entry(&self) -> Result<Mentor, ApiError> {
        self.authed_json(Method::GET, "/interlab/mentors/me", None)
            .await
    }

    /// `POST /interlab/mentors/{id}/feed`: a new calendar address (shown once).
    pub async fn make_mentor_feed(&self, id: Uuid) -> Result<MentorFeed, ApiError> {
        self.authed_json(Method::POST, &format!("/interlab/mentors/{id}/feed"), None)
            .await
    }

    /// `GET /interlab/cohorts/{id}/activities`: the cohort's activities and attendance.
    pub async fn cohort_activities(&self, id: Uuid) -> Result<CohortActivities, ApiError> {
        self.authed_json(
            Method::GET,
            &format!("/interlab/cohorts/{id}/activities"),
            None,
        )
        .await
    }

    /// `PUT /interlab/cohorts/{id}/activities/{activity}`: an InterLab activity joins the cohort.
    pub async fn link_cohort_activity(&self, id: Uuid, activity: Uuid) -> Result<(), ApiError> {
        self.authed_no_content(
            Method::PUT,
            &format!("/interlab/cohorts/{id}/activities/{activity}"),
        )
        .await
    }

    /// `DELETE /interlab/cohorts/{id}/activities/{activity}`.
    pub async fn unlink_cohort_activity(&self, id: Uuid, activity: Uuid) -> Result<(), ApiError> {
        self.authed_no_content(
            Method::DELETE,
            &format!("/interlab/cohorts/{id}/activities/{activity}"),
        )
        .await
    }

    /// `DELETE /interlab/mentors/{id}/feed`: the address stops working.
    pub async fn revoke_mentor_feed(&self, id: Uuid) -> Result<(), ApiError> {
        self.authed_no_content(Method::DELETE, &format!("/interlab/mentors/{id}/feed"))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_week_of_one_mentor_travels_in_the_query_string() {
        let m = Uuid::from_u128(7);
        let f = OfficeHourFilter {
            mentor: Some(m),
            from: NaiveDate::from_ymd_opt(2027, 1, 11),
            to: NaiveDate::from_ymd_opt(2027, 1, 17),
            ..OfficeHourFilter::default()
        };
        assert_eq!(
            query(&f),
            format!("?mentor={m}&from=2027-01-11&to=2027-01-17")
        );
    }
}
