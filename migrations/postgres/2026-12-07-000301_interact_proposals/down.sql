DROP TABLE interact_autonomy;
DROP TABLE interact_workshops;
DROP TABLE interact_notes;
DROP TABLE interact_proposal_tags;
DROP TABLE interact_proposals;
