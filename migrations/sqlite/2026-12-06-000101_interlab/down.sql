DROP TABLE interlab_entrepreneurs;
DROP TABLE interlab_applications;
DROP TABLE interlab_cohorts;
DROP TABLE interlab_terms;
