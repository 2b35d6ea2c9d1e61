DROP TABLE periodic_jobs;
