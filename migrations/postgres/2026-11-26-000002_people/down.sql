DROP TABLE person_coaches;
DROP TABLE consents;
DROP TABLE memberships;
DROP TABLE person_availability;
DROP TABLE person_tags;
DROP TABLE person_languages;
DROP TABLE people;
DROP TABLE tags;
