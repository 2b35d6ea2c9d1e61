DROP TABLE idempotency_keys;
DROP TABLE registrations;
DROP TABLE activity_staff;
DROP TABLE activity_hosts;
DROP TABLE activity_tags;
DROP TABLE activities;
DROP TABLE activity_series;
DROP TABLE venues;
