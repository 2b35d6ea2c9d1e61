-- The collective trainings and networking evenings of an InterLab cohort: ordinary activities
-- (programme `interlab`, so they reach the public feeds) linked to the cohort, whose page lists
-- them with each entrepreneur's attendance (read from the activities' registrations).
CREATE TABLE interlab_cohort_activities (
    cohort_id TEXT NOT NULL REFERENCES interlab_cohorts (id) ON DELETE CASCADE,
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    linked_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (cohort_id, activity_id)
);
CREATE INDEX interlab_cohort_activities_activity_idx ON interlab_cohort_activities (activity_id);
