DROP TABLE interlab_follow_ups;
DROP TABLE interlab_outcomes;
DROP TABLE interlab_meeting_attendees;
DROP TABLE interlab_meetings;
