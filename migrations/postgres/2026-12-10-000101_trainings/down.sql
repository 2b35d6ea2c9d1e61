DROP TABLE training_certificates;
DROP TABLE training_registrations;
DROP TABLE training_course_sessions;
DROP TABLE training_courses;
DROP TABLE training_modules;
