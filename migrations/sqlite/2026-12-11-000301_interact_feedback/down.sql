DROP TABLE interact_feedback;
