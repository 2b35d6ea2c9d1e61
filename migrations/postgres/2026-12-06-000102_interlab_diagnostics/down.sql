DROP TABLE interlab_diagnostic_needs;
DROP TABLE interlab_diagnostic_strengths;
DROP TABLE interlab_diagnostics;
DELETE FROM interlab_terms WHERE kind = 'strength';
