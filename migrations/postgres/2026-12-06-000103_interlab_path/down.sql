DROP TABLE interlab_milestones;
DROP TABLE interlab_templates;
