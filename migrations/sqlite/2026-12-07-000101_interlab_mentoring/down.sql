DROP TABLE interlab_office_hours;
DROP TABLE interlab_mentorships;
DROP TABLE interlab_mentors;
