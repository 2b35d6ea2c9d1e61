DROP TABLE duo_feedback;
