DROP TABLE duo_assessments;
